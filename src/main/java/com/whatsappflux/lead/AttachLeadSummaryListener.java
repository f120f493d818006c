package com.whatsappflux.lead;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Puts the lead summary, the answers and the customer's history on the task (task-local, read-only in the form). */
@Component
public class AttachLeadSummaryListener implements TaskListener {

    private final LeadService leads;

    public AttachLeadSummaryListener(LeadService leads) {
        this.leads = leads;
    }

    @Override
    public void notify(DelegateTask task) {
        long leadId = ((Number) task.getVariable(LeadProcess.LEAD_ID)).longValue();
        Lead lead = leads.require(leadId);
        task.setVariableLocal("leadSummary", leads.summaryText(leadId));
        task.setVariableLocal("leadAnswers", leads.answersText(leadId));
        task.setVariableLocal("customerHistory", leads.historyText(leadId));
        if (task.getVariable(LeadProcess.CUSTOMER_NAME) == null && lead.customerName() != null) {
            task.setVariableLocal(LeadProcess.CUSTOMER_NAME, lead.customerName());
        }
    }
}
