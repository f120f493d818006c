package com.whatsappflux.payment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.whatsappflux.conversation.CustomerMessenger;

/** Ask which invoice: a list of the customer's open invoices; the choice comes back as customerReplied. */
@Component
public class AskWhichInvoiceDelegate implements JavaDelegate {

    private final InvoiceRepository invoices;
    private final PaymentMessages messages;
    private final CustomerMessenger messenger;

    public AskWhichInvoiceDelegate(InvoiceRepository invoices, PaymentMessages messages, CustomerMessenger messenger) {
        this.invoices = invoices;
        this.messages = messages;
        this.messenger = messenger;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String waId = CustomerMessenger.waId(execution);
        messenger.ask(execution, messages.whichInvoice(waId, invoices.openFor(waId), CustomerMessenger.language(execution)),
                PaymentProcess.TOPIC);
    }
}
