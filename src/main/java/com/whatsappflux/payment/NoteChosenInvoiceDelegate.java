package com.whatsappflux.payment;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.whatsappflux.conversation.CustomerMessenger;

/** Note chosen invoice: the list row tapped (INVOICE:&lt;number&gt;) or an invoice number typed. */
@Component
public class NoteChosenInvoiceDelegate implements JavaDelegate {

    private final InvoiceRepository invoices;
    private final PaymentRequestReader reader;

    public NoteChosenInvoiceDelegate(InvoiceRepository invoices, PaymentRequestReader reader) {
        this.invoices = invoices;
        this.reader = reader;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String waId = CustomerMessenger.waId(execution);
        String replyId = (String) execution.getVariable("replyId");
        String replyText = (String) execution.getVariable("replyText");
        List<Invoice> open = invoices.openFor(waId);
        List<Invoice> chosen;
        if (replyId != null && replyId.startsWith(PaymentProcess.CHOSEN_INVOICE_PREFIX)) {
            String number = replyId.substring(PaymentProcess.CHOSEN_INVOICE_PREFIX.length());
            chosen = open.stream().filter(i -> i.number().equals(number)).toList();
        } else {
            chosen = reader.match(replyText, PaymentRequestReader.amount(replyText), open);
        }
        boolean one = chosen.size() == 1;
        execution.setVariable(PaymentProcess.INVOICE_MATCH, one ? "one" : "none");
        execution.setVariable(PaymentProcess.MEANT_INVOICE, one ? chosen.get(0).number() : null);
    }
}
