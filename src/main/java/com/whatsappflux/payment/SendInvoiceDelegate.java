package com.whatsappflux.payment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.util.Date;

import com.whatsappflux.conversation.CustomerMessenger;
import com.whatsappflux.system.BusinessClock;

/** Send invoice: the document with the ways to pay in its caption. */
@Component
public class SendInvoiceDelegate implements JavaDelegate {

    private final InvoiceRepository invoices;
    private final PaymentMessages messages;
    private final CustomerMessenger messenger;
    private final BusinessClock clock;

    public SendInvoiceDelegate(InvoiceRepository invoices, PaymentMessages messages, CustomerMessenger messenger,
                               BusinessClock clock) {
        this.invoices = invoices;
        this.messages = messages;
        this.messenger = messenger;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Invoice invoice = PaymentVariables.invoice(invoices, execution);
        String language = PaymentVariables.language(execution);
        // Outside the 24-hour window a document may not be sent: the reminder template (with SEND_INVOICE) goes instead.
        messenger.tell(execution, messages.invoiceDocument(invoice, language), messages.reminderTemplate(invoice, language));
        execution.setVariable(PaymentProcess.INVOICE_SENT_AT, Date.from(clock.now()));
    }
}
