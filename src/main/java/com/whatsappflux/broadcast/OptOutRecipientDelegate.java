package com.whatsappflux.broadcast;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Opt out contact": no marketing any more; {@code firstOptOut} decides whether to confirm (only once). */
@Component
public class OptOutRecipientDelegate implements JavaDelegate {

    private final CampaignResponses responses;

    public OptOutRecipientDelegate(CampaignResponses responses) {
        this.responses = responses;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean first = responses.optOut((String) execution.getVariable(BroadcastProcess.WA_ID));
        execution.setVariable(BroadcastProcess.FIRST_OPT_OUT, first);
    }
}
