package com.whatsappflux.payment;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Forward to invoice follow-up: the claim (message paymentClaimed) or dispute (invoiceDisputed) goes to the
 * instance waiting for that invoice, by business key = invoice number. forwardResult: forwarded, alreadyPaid,
 * notWaiting (that instance is busy with a person, or gone: accounts take it from here).
 */
@Component
public class ForwardToInvoiceFollowUpDelegate implements JavaDelegate {

    private final InvoiceRepository invoices;
    private final InvoiceFollowUps followUps;

    public ForwardToInvoiceFollowUpDelegate(InvoiceRepository invoices, InvoiceFollowUps followUps) {
        this.invoices = invoices;
        this.followUps = followUps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String number = (String) execution.getVariable(PaymentProcess.MEANT_INVOICE);
        Invoice invoice = invoices.find(number).orElse(null);
        String text = (String) execution.getVariable(PaymentProcess.MESSAGE_TEXT);
        String result;
        if (invoice == null) {
            result = "notWaiting";
        } else if (Invoice.PAID.equals(invoice.status()) && "claim".equals(execution.getVariable(PaymentProcess.PAYMENT_REQUEST))) {
            result = "alreadyPaid";
        } else if ("dispute".equals(execution.getVariable(PaymentProcess.PAYMENT_REQUEST))) {
            result = followUps.invoiceDisputed(number, Map.of(PaymentProcess.DISPUTE_MESSAGE_TEXT, text == null ? "" : text))
                    ? "forwarded" : "notWaiting";
        } else {
            Map<String, Object> claim = new HashMap<>();
            claim.put(PaymentProcess.CLAIMED_REFERENCE, execution.getVariable(PaymentProcess.CLAIMED_REFERENCE));
            claim.put(PaymentProcess.CLAIMED_AMOUNT, execution.getVariable(PaymentProcess.CLAIMED_AMOUNT));
            claim.put(PaymentProcess.CLAIM_MESSAGE_TEXT, text == null ? "" : text);
            result = followUps.paymentClaimed(number, claim) ? "forwarded" : "notWaiting";
        }
        execution.setVariable(PaymentProcess.FORWARD_RESULT, result);
    }
}
