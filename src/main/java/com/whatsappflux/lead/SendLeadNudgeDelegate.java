package com.whatsappflux.lead;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.whatsappflux.conversation.CustomerMessenger;
import com.whatsappflux.conversation.ReplyTexts;

/** "Send polite nudge": the unanswered question once more, with a friendly line before it. */
@Component
public class SendLeadNudgeDelegate implements JavaDelegate {

    private final QualificationQuestions questions;
    private final QuestionMessages messages;
    private final ReplyTexts texts;
    private final CustomerMessenger messenger;

    public SendLeadNudgeDelegate(QualificationQuestions questions, QuestionMessages messages, ReplyTexts texts,
                                 CustomerMessenger messenger) {
        this.questions = questions;
        this.messages = messages;
        this.texts = texts;
        this.messenger = messenger;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String language = CustomerMessenger.language(execution);
        QualificationQuestion question = questions.find((String) execution.getVariable(LeadProcess.CURRENT_QUESTION))
                .orElseThrow(() -> new IllegalStateException("current question is no longer configured"));
        messenger.ask(execution, messages.render(question, language, texts.get(language, "lead.nudge")),
                LeadProcess.CONVERSATION_TOPIC);
    }
}
