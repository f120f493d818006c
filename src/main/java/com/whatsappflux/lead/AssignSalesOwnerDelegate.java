package com.whatsappflux.lead;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Round-robin (or territory) owner for a hot lead; none configured leaves the task to the sales group. */
@Component
public class AssignSalesOwnerDelegate implements JavaDelegate {

    private final LeadService leads;

    public AssignSalesOwnerDelegate(LeadService leads) {
        this.leads = leads;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(LeadProcess.SALES_OWNER, leads.assignOwner(LeadVariables.leadId(execution)).orElse(null));
    }
}
