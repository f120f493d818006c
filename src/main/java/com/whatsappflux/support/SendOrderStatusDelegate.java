package com.whatsappflux.support;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.whatsappflux.conversation.CustomerMessenger;
import com.whatsappflux.whatsapp.OutboundContent;

/** Sends the status of {@code orderNumber}. */
@Component
public class SendOrderStatusDelegate implements JavaDelegate {

    private final SupportAnswers answers;
    private final CustomerMessenger messenger;

    public SendOrderStatusDelegate(SupportAnswers answers, CustomerMessenger messenger) {
        this.answers = answers;
        this.messenger = messenger;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String text = answers.orderStatus((String) execution.getVariable(SupportProcess.ORDER_NUMBER),
                CustomerMessenger.language(execution));
        messenger.tell(execution, OutboundContent.text(text));
        execution.setVariable(SupportProcess.ANSWERED, true);
    }
}
