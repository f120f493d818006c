package com.whatsappflux.broadcast;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Mark non-responders cold": the campaign is over for whoever never answered. */
@Component
public class MarkNonRespondersColdDelegate implements JavaDelegate {

    private final CampaignService campaigns;

    public MarkNonRespondersColdDelegate(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long campaignId = ((Number) execution.getVariable(BroadcastProcess.CAMPAIGN_ID)).longValue();
        execution.setVariable(BroadcastProcess.COLD_COUNT, campaigns.markNonRespondersCold(campaignId));
    }
}
