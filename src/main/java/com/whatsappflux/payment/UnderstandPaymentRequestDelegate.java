package com.whatsappflux.payment;

import java.time.Duration;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.whatsappflux.conversation.CustomerMessenger;
import com.whatsappflux.system.BusinessClock;

/** Understand payment request: what the customer wants and which invoice (one / several / none) it is about. */
@Component
public class UnderstandPaymentRequestDelegate implements JavaDelegate {

    private final PaymentRequestReader reader;
    private final InvoiceRepository invoices;
    private final PaymentMessages messages;
    private final BusinessClock clock;

    public UnderstandPaymentRequestDelegate(PaymentRequestReader reader, InvoiceRepository invoices, PaymentMessages messages,
                                            BusinessClock clock) {
        this.reader = reader;
        this.invoices = invoices;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String waId = CustomerMessenger.waId(execution);
        String text = (String) execution.getVariable(PaymentProcess.MESSAGE_TEXT);
        PaymentRequestReader.Request request = reader.read(text, (String) execution.getVariable(PaymentProcess.MESSAGE_TYPE),
                (String) execution.getVariable(PaymentProcess.REPLY_ID),
                (String) execution.getVariable(PaymentProcess.ENTITIES));
        List<Invoice> open = invoices.openFor(waId);
        List<Invoice> meant = reader.match(text, request.amount(), open);
        if (meant.isEmpty() && "claim".equals(request.kind())) {
            // paid already (e.g. the gateway confirmed first): thank them instead of troubling accounts
            meant = invoices.latestPaidFor(waId, clock.now().minus(Duration.ofDays(30))).map(List::of).orElse(List.of());
        }
        execution.setVariable(PaymentProcess.PAYMENT_REQUEST, request.kind());
        execution.setVariable(PaymentProcess.CLAIMED_REFERENCE, request.reference());
        execution.setVariable(PaymentProcess.CLAIMED_AMOUNT, request.amount() == null ? null : request.amount().toPlainString());
        execution.setVariable(PaymentProcess.INVOICE_MATCH, meant.isEmpty() ? "none" : meant.size() == 1 ? "one" : "several");
        execution.setVariable(PaymentProcess.MEANT_INVOICE, meant.size() == 1 ? meant.get(0).number() : null);
        execution.setVariable(PaymentProcess.OPEN_INVOICES_SUMMARY, String.join("\n", open.stream()
                .map(i -> i.number() + ": " + messages.summary(i)).toList()));
    }
}
