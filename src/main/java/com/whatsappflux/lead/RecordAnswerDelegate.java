package com.whatsappflux.lead;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Record answer": reads the reply to the current question (answer or a question of the customer's own),
 * stores it and sets what the diagram decides on: answerKind, questionsRemaining, budgetBand, timeline.
 */
@Component
public class RecordAnswerDelegate implements JavaDelegate {

    private final LeadService leads;

    public RecordAnswerDelegate(LeadService leads) {
        this.leads = leads;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long leadId = LeadVariables.leadId(execution);
        AnswerReader.Reading reading = leads.recordAnswer(leadId, (String) execution.getVariable(LeadProcess.CURRENT_QUESTION),
                (String) execution.getVariable(LeadProcess.REPLY_TEXT), (String) execution.getVariable(LeadProcess.REPLY_ID));
        execution.setVariable(LeadProcess.ANSWER_KIND, reading.kind());
        Map<String, String> values = leads.valuesByAnswerType(leadId);
        execution.setVariable(LeadProcess.BUDGET_BAND, values.getOrDefault("budget", LeadProcess.UNKNOWN));
        execution.setVariable(LeadProcess.TIMELINE, values.getOrDefault("timeline", LeadProcess.UNKNOWN));
        execution.setVariable(LeadProcess.QUESTIONS_REMAINING, leads.nextQuestion(leadId).isPresent());
    }
}
