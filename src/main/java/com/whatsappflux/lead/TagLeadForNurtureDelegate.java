package com.whatsappflux.lead;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** A cold lead: closed and tagged "nurture" for later campaigns. */
@Component
public class TagLeadForNurtureDelegate implements JavaDelegate {

    private final LeadService leads;

    public TagLeadForNurtureDelegate(LeadService leads) {
        this.leads = leads;
    }

    @Override
    public void execute(DelegateExecution execution) {
        leads.closeForNurture(LeadVariables.leadId(execution));
    }
}
