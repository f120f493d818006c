package com.whatsappflux.broadcast;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Prepare audience": one row per recipient, opted-out, invalid and duplicate numbers removed and counted. */
@Component
public class PrepareAudienceDelegate implements JavaDelegate {

    private final CampaignService campaigns;

    public PrepareAudienceDelegate(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long campaignId = ((Number) execution.getVariable(BroadcastProcess.CAMPAIGN_ID)).longValue();
        execution.setVariable(BroadcastProcess.AUDIENCE_COUNT, campaigns.prepareAudience(campaignId));
    }
}
