package com.whatsappflux.payment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.whatsappflux.conversation.CustomerMessenger;

/** Send amount due: the customer's open invoices with balances and the total. */
@Component
public class SendAmountDueDelegate implements JavaDelegate {

    private final InvoiceRepository invoices;
    private final PaymentMessages messages;
    private final CustomerMessenger messenger;

    public SendAmountDueDelegate(InvoiceRepository invoices, PaymentMessages messages, CustomerMessenger messenger) {
        this.invoices = invoices;
        this.messages = messages;
        this.messenger = messenger;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String waId = CustomerMessenger.waId(execution);
        messenger.tell(execution, messages.amountDue(waId, invoices.openFor(waId), CustomerMessenger.language(execution)));
    }
}
