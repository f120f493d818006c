package com.whatsappflux.lead;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Stage UNRESPONSIVE, lead closed, contact tagged for nurture campaigns. */
@Component
public class MarkLeadUnresponsiveDelegate implements JavaDelegate {

    private final LeadService leads;

    public MarkLeadUnresponsiveDelegate(LeadService leads) {
        this.leads = leads;
    }

    @Override
    public void execute(DelegateExecution execution) {
        leads.markUnresponsive(LeadVariables.leadId(execution));
    }
}
