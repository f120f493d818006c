package com.whatsappflux.lead;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The Tasklist outcome (won / lost / follow_up, value, date, notes) written back to the CRM. */
@Component
public class RecordLeadOutcomeDelegate implements JavaDelegate {

    private final LeadService leads;

    public RecordLeadOutcomeDelegate(LeadService leads) {
        this.leads = leads;
    }

    @Override
    public void execute(DelegateExecution execution) {
        leads.recordOutcome(LeadVariables.leadId(execution), (String) execution.getVariable(LeadProcess.OUTCOME),
                Leads.money(execution.getVariable(LeadProcess.DEAL_VALUE)),
                Leads.date(execution.getVariable(LeadProcess.FOLLOW_UP_DATE)),
                (String) execution.getVariable(LeadProcess.OUTCOME_NOTES),
                (String) execution.getVariable(LeadProcess.SALES_OWNER));
    }
}
