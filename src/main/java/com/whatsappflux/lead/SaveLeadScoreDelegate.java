package com.whatsappflux.lead;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Stage QUALIFIED with the score the lead-score table gave. */
@Component
public class SaveLeadScoreDelegate implements JavaDelegate {

    private final LeadService leads;

    public SaveLeadScoreDelegate(LeadService leads) {
        this.leads = leads;
    }

    @Override
    public void execute(DelegateExecution execution) {
        leads.saveScore(LeadVariables.leadId(execution), (String) execution.getVariable(LeadProcess.LEAD_SCORE));
    }
}
