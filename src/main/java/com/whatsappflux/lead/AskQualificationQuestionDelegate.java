package com.whatsappflux.lead;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.whatsappflux.conversation.CustomerMessenger;

/** "Ask qualification question": the next unanswered configured question, and wait for the answer. */
@Component
public class AskQualificationQuestionDelegate implements JavaDelegate {

    /** List row ids for product categories: prefix + category. */
    static final String NEED_ROW_PREFIX = "LEAD_NEED_";

    private final LeadService leads;
    private final QuestionMessages messages;
    private final CustomerMessenger messenger;

    public AskQualificationQuestionDelegate(LeadService leads, QuestionMessages messages, CustomerMessenger messenger) {
        this.leads = leads;
        this.messages = messages;
        this.messenger = messenger;
    }

    @Override
    public void execute(DelegateExecution execution) {
        QualificationQuestion question = leads.nextQuestion(LeadVariables.leadId(execution))
                .orElseThrow(() -> new IllegalStateException("no qualification question left to ask"));
        execution.setVariable(LeadProcess.CURRENT_QUESTION, question.key());
        messenger.ask(execution, messages.render(question, CustomerMessenger.language(execution), null),
                LeadProcess.CONVERSATION_TOPIC);
    }
}
