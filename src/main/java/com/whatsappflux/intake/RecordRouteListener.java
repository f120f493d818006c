package com.whatsappflux.intake;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import com.whatsappflux.system.Database;

/**
 * When the route is decided, writes it with the classification onto the message's inbox row (same transaction;
 * when an inbox worker routes the message, in the worker's UPDATE that marks it processed, see {@link DecidedRoute}).
 * The engine keeps no variable history, so this row is where "what did customers write about, and where did it
 * go" is answered — one indexed row per message instead of a dozen history rows.
 */
@Component
public class RecordRouteListener implements ExecutionListener {

    private final Database db;

    public RecordRouteListener(Database db) {
        this.db = db;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Object confidence = execution.getVariable(IntakeProcess.CONFIDENCE);
        String wamid = (String) execution.getVariable(IntakeProcess.MESSAGE_ID);
        DecidedRoute decided = new DecidedRoute((String) execution.getVariable(IntakeProcess.INTENT),
                confidence instanceof Number n ? n.doubleValue() : null,
                (String) execution.getVariable(IntakeProcess.LANGUAGE), (String) execution.getVariable("route"));
        if (DecidedRoute.offer(wamid, decided)) {
            return; // the inbox worker routing this message writes it with the message's processed state
        }
        db.jdbc().update("UPDATE inbound_message SET intent = ?, confidence = ?, language = ?, route = ? WHERE wamid = ?",
                decided.intent(), decided.confidence(), decided.language(), decided.route(), wamid);
    }
}
