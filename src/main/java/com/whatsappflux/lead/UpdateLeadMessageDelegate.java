package com.whatsappflux.lead;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The customer wrote again while their lead is open: the same lead takes the new message (no second lead). */
@Component
public class UpdateLeadMessageDelegate implements JavaDelegate {

    private final LeadService leads;

    public UpdateLeadMessageDelegate(LeadService leads) {
        this.leads = leads;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (execution.getVariable(LeadProcess.LEAD_ID) == null) {
            // written again before "Record lead in CRM" ran (its job still queued, as under load): the lead is recorded
            // now, and that step then finds it open and counts its own message
            Lead lead = leads.record(LeadVariables.start(execution, LeadVariables.source(execution)));
            execution.setVariable(LeadProcess.LEAD_ID, lead.id());
            return;
        }
        leads.customerWroteAgain(LeadVariables.leadId(execution),
                LeadVariables.start(execution, (String) execution.getVariable(LeadProcess.LEAD_SOURCE)));
    }
}
