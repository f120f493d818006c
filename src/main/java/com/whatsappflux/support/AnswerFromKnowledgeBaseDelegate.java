package com.whatsappflux.support;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.whatsappflux.conversation.CustomerMessenger;
import com.whatsappflux.whatsapp.OutboundContent;

/** Answers from the knowledge base, matched by meaning; {@code answered} = false when there is nothing confident to say. */
@Component
public class AnswerFromKnowledgeBaseDelegate implements JavaDelegate {

    private final SupportAnswers answers;
    private final CustomerMessenger messenger;

    public AnswerFromKnowledgeBaseDelegate(SupportAnswers answers, CustomerMessenger messenger) {
        this.answers = answers;
        this.messenger = messenger;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Optional<String> answer = answers.faq((String) execution.getVariable(SupportProcess.MESSAGE_TEXT),
                CustomerMessenger.language(execution));
        answer.ifPresent(text -> messenger.tell(execution, OutboundContent.text(text)));
        execution.setVariable(SupportProcess.ANSWERED, answer.isPresent());
    }
}
