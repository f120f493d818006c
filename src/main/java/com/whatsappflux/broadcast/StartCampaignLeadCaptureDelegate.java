package com.whatsappflux.broadcast;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Start lead capture": the hot prospect becomes a lead with source = campaign. */
@Component
public class StartCampaignLeadCaptureDelegate implements JavaDelegate {

    private final CampaignResponses responses;

    public StartCampaignLeadCaptureDelegate(CampaignResponses responses) {
        this.responses = responses;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(BroadcastProcess.WA_ID, execution.getVariable(BroadcastProcess.WA_ID));
        variables.put(BroadcastProcess.LANGUAGE, execution.getVariable(BroadcastProcess.LANGUAGE));
        variables.put("leadSource", "campaign");
        variables.put(BroadcastProcess.CAMPAIGN_ID, execution.getVariable(BroadcastProcess.CAMPAIGN_ID));
        variables.put(BroadcastProcess.MESSAGE_TEXT, execution.getVariable(BroadcastProcess.MESSAGE_TEXT));
        variables.put("messageId", execution.getVariable("messageId"));
        variables.put("intent", "lead");
        variables.put("campaignTag", execution.getVariable(BroadcastProcess.RESPONSE_TAG));
        String instanceId = responses.startLeadCapture(
                ((Number) execution.getVariable(BroadcastProcess.RECIPIENT_ID)).longValue(), variables);
        execution.setVariable("leadInstanceId", instanceId);
    }
}
