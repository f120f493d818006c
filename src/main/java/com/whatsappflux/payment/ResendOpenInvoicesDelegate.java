package com.whatsappflux.payment;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.whatsappflux.conversation.CustomerMessenger;

/** Resend open invoices: each open invoice's document again (the meant one only, when known); none → "nothing due". */
@Component
public class ResendOpenInvoicesDelegate implements JavaDelegate {

    private static final int MAX_DOCUMENTS = 5;

    private final InvoiceRepository invoices;
    private final PaymentMessages messages;
    private final CustomerMessenger messenger;

    public ResendOpenInvoicesDelegate(InvoiceRepository invoices, PaymentMessages messages, CustomerMessenger messenger) {
        this.invoices = invoices;
        this.messages = messages;
        this.messenger = messenger;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String waId = CustomerMessenger.waId(execution);
        String language = CustomerMessenger.language(execution);
        Object meant = execution.getVariable(PaymentProcess.MEANT_INVOICE);
        List<Invoice> open = invoices.openFor(waId).stream()
                .filter(i -> meant == null || i.number().equals(meant)).limit(MAX_DOCUMENTS).toList();
        if (open.isEmpty()) {
            messenger.tell(execution, messages.amountDue(waId, open, language));
        }
        for (Invoice invoice : open) {
            messenger.tell(execution, messages.invoiceDocument(invoice, language));
        }
    }
}
