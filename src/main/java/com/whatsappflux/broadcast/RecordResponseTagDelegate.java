package com.whatsappflux.broadcast;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Record response tag": the tag the DMN chose goes on the recipient row and the contact. */
@Component
public class RecordResponseTagDelegate implements JavaDelegate {

    private final CampaignResponses responses;

    public RecordResponseTagDelegate(CampaignResponses responses) {
        this.responses = responses;
    }

    @Override
    public void execute(DelegateExecution execution) {
        responses.recordTag(((Number) execution.getVariable(BroadcastProcess.RECIPIENT_ID)).longValue(),
                (String) execution.getVariable(BroadcastProcess.WA_ID),
                ((Number) execution.getVariable(BroadcastProcess.CAMPAIGN_ID)).longValue(),
                (String) execution.getVariable(BroadcastProcess.RESPONSE_TAG));
    }
}
