package com.whatsappflux.payment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.util.Date;

import com.whatsappflux.conversation.CustomerMessenger;
import com.whatsappflux.system.BusinessClock;

/** Send payment reminder (input parameter format: message | template). */
@Component
public class SendPaymentReminderDelegate implements JavaDelegate {

    private final InvoiceRepository invoices;
    private final PaymentMessages messages;
    private final CustomerMessenger messenger;
    private final BusinessClock clock;

    public SendPaymentReminderDelegate(InvoiceRepository invoices, PaymentMessages messages, CustomerMessenger messenger,
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
        var template = messages.reminderTemplate(invoice, language);
        if ("template".equals(execution.getVariableLocal("format"))) {
            messenger.tell(execution, template);
        } else {
            // the template still covers a window that closes between the gateway and the send
            messenger.tell(execution, messages.reminderMessage(invoice, language), template);
        }
        execution.setVariable(PaymentProcess.LAST_REMINDER_AT, Date.from(clock.now()));
    }
}
