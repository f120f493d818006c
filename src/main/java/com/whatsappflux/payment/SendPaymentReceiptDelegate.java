package com.whatsappflux.payment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.whatsappflux.conversation.CustomerMessenger;

/** Send receipt: thank-you with the amount received (template payment_receipt outside the 24-hour window). */
@Component
public class SendPaymentReceiptDelegate implements JavaDelegate {

    private final InvoiceRepository invoices;
    private final PaymentMessages messages;
    private final CustomerMessenger messenger;

    public SendPaymentReceiptDelegate(InvoiceRepository invoices, PaymentMessages messages, CustomerMessenger messenger) {
        this.invoices = invoices;
        this.messages = messages;
        this.messenger = messenger;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Invoice invoice = PaymentVariables.invoice(invoices, execution);
        String language = PaymentVariables.language(execution);
        messenger.tell(execution, messages.receiptText(invoice, language), messages.receiptTemplate(invoice, language));
    }
}
