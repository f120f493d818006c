package com.whatsappflux.support;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.whatsappflux.conversation.CustomerMessenger;
import com.whatsappflux.whatsapp.OutboundContent;

/** Answers from the catalogue (stock, price, variants; alternatives when out of stock); {@code answered} = false when there is nothing confident to say. */
@Component
public class AnswerProductAvailabilityDelegate implements JavaDelegate {

    private final SupportAnswers answers;
    private final CustomerMessenger messenger;

    public AnswerProductAvailabilityDelegate(SupportAnswers answers, CustomerMessenger messenger) {
        this.answers = answers;
        this.messenger = messenger;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Optional<String> answer = answers.availability((String) execution.getVariable(SupportProcess.MESSAGE_TEXT),
                CustomerMessenger.language(execution));
        answer.ifPresent(text -> messenger.tell(execution, OutboundContent.text(text)));
        execution.setVariable(SupportProcess.ANSWERED, answer.isPresent());
    }
}
