package com.whatsappflux.lead;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Record lead in CRM": creates (or updates) the lead, stage NEW; sets the score inputs the table reads. */
@Component
public class RecordLeadDelegate implements JavaDelegate {

    private final LeadService leads;

    public RecordLeadDelegate(LeadService leads) {
        this.leads = leads;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String waId = (String) execution.getVariable(LeadProcess.WA_ID);
        String source = LeadVariables.source(execution);
        Lead lead = leads.record(LeadVariables.start(execution, source));
        execution.setVariable(LeadProcess.LEAD_ID, lead.id());
        execution.setVariable(LeadProcess.LEAD_SOURCE, source);
        execution.setVariable(LeadProcess.EXISTING_CUSTOMER, leads.existingCustomer(waId));
        execution.setVariable(LeadProcess.BUDGET_BAND, LeadProcess.UNKNOWN);
        execution.setVariable(LeadProcess.TIMELINE, LeadProcess.UNKNOWN);
    }
}
