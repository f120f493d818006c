package com.whatsappflux.broadcast;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.whatsappflux.broadcast.CampaignSender.BatchResult;
import com.whatsappflux.broadcast.CampaignSender.Phase;

/**
 * "Send next batch" / "Re-engage next batch" (input parameter {@code phase}: initial | reengage). Each job
 * sends at most one batch; the counters it leaves on the instance show the progress in Cockpit and
 * {@code remainingCount} drives the loop.
 */
@Component
public class SendNextBatchDelegate implements JavaDelegate {

    private final CampaignSender sender;

    public SendNextBatchDelegate(CampaignSender sender) {
        this.sender = sender;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long campaignId = ((Number) execution.getVariable(BroadcastProcess.CAMPAIGN_ID)).longValue();
        Phase phase = Phase.of((String) execution.getVariableLocal(BroadcastProcess.PHASE));
        BatchResult result = sender.sendBatch(campaignId, phase, execution.getProcessInstanceId());
        if (phase == Phase.INITIAL) {
            execution.setVariable(BroadcastProcess.SENT_COUNT, result.sent());
            execution.setVariable(BroadcastProcess.EXCLUDED_COUNT, result.excluded());
            execution.setVariable(BroadcastProcess.FAILED_COUNT, result.failed());
        } else {
            execution.setVariable(BroadcastProcess.REENGAGED_COUNT, result.sent());
        }
        execution.setVariable(BroadcastProcess.REMAINING_COUNT, result.remaining());
    }
}
