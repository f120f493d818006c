package com.whatsappflux.broadcast;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Select non-responders": recipients we reached who never answered get the re-engagement template. */
@Component
public class SelectNonRespondersDelegate implements JavaDelegate {

    private final CampaignService campaigns;

    public SelectNonRespondersDelegate(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long campaignId = ((Number) execution.getVariable(BroadcastProcess.CAMPAIGN_ID)).longValue();
        int count = campaigns.selectNonResponders(campaignId);
        execution.setVariable(BroadcastProcess.NON_RESPONDER_COUNT, count);
        execution.setVariable(BroadcastProcess.REMAINING_COUNT, count);
    }
}
