package com.whatsappflux.lead;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Reading the start variables the intake and the broadcast hand over. */
final class LeadVariables {

    private LeadVariables() {
    }

    static long leadId(DelegateExecution execution) {
        return ((Number) execution.getVariable(LeadProcess.LEAD_ID)).longValue();
    }

    /** organic unless the intake saw an ad referral ("ad") or the broadcast started it ("campaign"). */
    static String source(DelegateExecution execution) {
        Object source = execution.getVariable(LeadProcess.LEAD_SOURCE);
        return source == null || source.toString().isBlank() ? "organic" : source.toString();
    }

    static LeadService.LeadStart start(DelegateExecution execution, String source) {
        Object campaign = execution.getVariable(LeadProcess.CAMPAIGN_ID);
        Long campaignId = campaign instanceof Number n ? n.longValue()
                : campaign == null || campaign.toString().isBlank() ? null : Long.valueOf(campaign.toString());
        return new LeadService.LeadStart((String) execution.getVariable(LeadProcess.WA_ID),
                (String) execution.getVariable(LeadProcess.CUSTOMER_NAME), source, campaignId,
                (String) execution.getVariable(LeadProcess.AD_HEADLINE), (String) execution.getVariable(LeadProcess.MESSAGE_TEXT),
                (String) execution.getVariable(LeadProcess.LANGUAGE), execution.getProcessInstanceId());
    }
}
