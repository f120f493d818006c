package com.whatsappflux.broadcast;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Pass reply to message intake": a reply tagged "other" ("where is your shop?") still deserves an answer,
 * so it is routed like any new message.
 */
@Component
public class PassReplyToIntakeDelegate implements JavaDelegate {

    private static final List<String> HANDED_OVER = List.of(BroadcastProcess.WA_ID, BroadcastProcess.LANGUAGE,
            "messageId", BroadcastProcess.MESSAGE_TEXT, BroadcastProcess.REPLY_ID, "phoneNumberId");

    private final CampaignResponses responses;

    public PassReplyToIntakeDelegate(CampaignResponses responses) {
        this.responses = responses;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Map<String, Object> variables = new HashMap<>();
        for (String name : HANDED_OVER) {
            variables.put(name, execution.getVariable(name));
        }
        variables.put("messageType", "text");
        execution.setVariable("intakeInstanceId", responses.passToIntake(variables));
    }
}
