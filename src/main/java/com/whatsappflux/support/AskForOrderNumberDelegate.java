package com.whatsappflux.support;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.whatsappflux.conversation.CustomerMessenger;
import com.whatsappflux.whatsapp.OutboundContent;

/** Asks which of the customer's recent orders they mean (once; a second unclear answer goes to a person). */
@Component
public class AskForOrderNumberDelegate implements JavaDelegate {

    private final SupportAnswers answers;
    private final SupportSettings settings;
    private final CustomerMessenger messenger;

    public AskForOrderNumberDelegate(SupportAnswers answers, SupportSettings settings, CustomerMessenger messenger) {
        this.answers = answers;
        this.settings = settings;
        this.messenger = messenger;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String question = answers.askOrderNumber(CustomerMessenger.waId(execution), settings.recentOrderDays(),
                CustomerMessenger.language(execution));
        messenger.ask(execution, OutboundContent.text(question), SupportProcess.CONVERSATION_TOPIC);
        execution.setVariable(LookUpOrderDelegate.ASKED, true);
    }
}
