package com.whatsappflux.support;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.whatsappflux.conversation.CustomerMessenger;
import com.whatsappflux.whatsapp.OutboundContent;

/** Sends opening hours, holidays, address, map link and phone from the business profile. */
@Component
public class SendBusinessDetailsDelegate implements JavaDelegate {

    private final SupportAnswers answers;
    private final CustomerMessenger messenger;

    public SendBusinessDetailsDelegate(SupportAnswers answers, CustomerMessenger messenger) {
        this.answers = answers;
        this.messenger = messenger;
    }

    @Override
    public void execute(DelegateExecution execution) {
        messenger.tell(execution, OutboundContent.text(answers.businessDetails(CustomerMessenger.language(execution))));
        execution.setVariable(SupportProcess.ANSWERED, true);
    }
}
