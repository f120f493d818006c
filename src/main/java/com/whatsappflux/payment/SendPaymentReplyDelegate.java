package com.whatsappflux.payment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.whatsappflux.conversation.CustomerMessenger;

/**
 * Sends one payment.* text (input parameter {@code textKey}). Placeholders: {0} customer name, {1} business
 * name, {2} invoice number, {3} claimed reference. About an open invoice, the reminder template stands in
 * outside the 24-hour window.
 */
@Component
public class SendPaymentReplyDelegate implements JavaDelegate {

    private final InvoiceRepository invoices;
    private final PaymentMessages messages;
    private final CustomerMessenger messenger;

    public SendPaymentReplyDelegate(InvoiceRepository invoices, PaymentMessages messages, CustomerMessenger messenger) {
        this.invoices = invoices;
        this.messages = messages;
        this.messenger = messenger;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String key = (String) execution.getVariableLocal("textKey");
        String language = CustomerMessenger.language(execution);
        Object number = execution.getVariable(PaymentProcess.INVOICE_NUMBER);
        if (number == null) {
            number = execution.getVariable(PaymentProcess.MEANT_INVOICE);
        }
        Invoice invoice = number == null ? null : invoices.find(number.toString()).orElse(null);
        var text = messages.reply(key, language, CustomerMessenger.waId(execution), invoice,
                number == null ? null : number.toString(), (String) execution.getVariable(PaymentProcess.CLAIMED_REFERENCE));
        if (invoice != null && invoice.open()) {
            messenger.tell(execution, text, messages.reminderTemplate(invoice, language));
        } else {
            messenger.tell(execution, text);
        }
    }
}
