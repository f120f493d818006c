package com.whatsappflux.payment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;

import com.whatsappflux.conversation.CustomerMessenger;

/** Acknowledge part payment: what we received and the balance still due. */
@Component
public class AcknowledgePartPaymentDelegate implements JavaDelegate {

    private final InvoiceRepository invoices;
    private final PaymentMessages messages;
    private final CustomerMessenger messenger;

    public AcknowledgePartPaymentDelegate(InvoiceRepository invoices, PaymentMessages messages, CustomerMessenger messenger) {
        this.invoices = invoices;
        this.messages = messages;
        this.messenger = messenger;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Invoice invoice = PaymentVariables.invoice(invoices, execution);
        String language = PaymentVariables.language(execution);
        BigDecimal received = new BigDecimal(String.valueOf(execution.getVariable("newPaymentAmount")));
        messenger.tell(execution, messages.partPayment(invoice, received, language), messages.reminderTemplate(invoice, language));
    }
}
