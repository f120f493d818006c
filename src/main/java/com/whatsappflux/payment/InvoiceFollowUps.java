package com.whatsappflux.payment;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * Starts one payment-follow-up per invoice (business key = invoice number) and passes it news by message
 * correlation on that business key. "Nobody waits right now" is a normal answer, never an error: the invoice
 * instance re-reads the ledger whenever it comes back to its wait.
 */
@Component
public class InvoiceFollowUps {

    private final RuntimeService runtimeService;

    public InvoiceFollowUps(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    public String start(Invoice invoice, String language) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(PaymentProcess.INVOICE_NUMBER, invoice.number());
        variables.put(PaymentProcess.WA_ID, invoice.waId());
        variables.put(PaymentProcess.LANGUAGE, language == null ? "en" : language);
        variables.put(PaymentProcess.INVOICE_AMOUNT, invoice.amount().doubleValue());
        variables.put(PaymentProcess.DUE_DATE, invoice.dueDate().toString());
        variables.put(PaymentProcess.CUSTOMER_NAME, invoice.customerName());
        return runtimeService.createProcessInstanceByKey(PaymentProcess.KEY).businessKey(invoice.number())
                .setVariables(variables).execute().getProcessInstanceId();
    }

    /** A payment was recorded (gateway or accounts). */
    public boolean paymentReceived(String invoiceNumber) {
        return send(PaymentProcess.PAYMENT_RECEIVED, invoiceNumber, Map.of());
    }

    public boolean paymentClaimed(String invoiceNumber, Map<String, Object> claim) {
        return send(PaymentProcess.PAYMENT_CLAIMED, invoiceNumber, claim);
    }

    public boolean invoiceDisputed(String invoiceNumber, Map<String, Object> dispute) {
        return send(PaymentProcess.INVOICE_DISPUTED, invoiceNumber, dispute);
    }

    private boolean send(String message, String invoiceNumber, Map<String, Object> variables) {
        return !runtimeService.createMessageCorrelation(message).processInstanceBusinessKey(invoiceNumber)
                .setVariables(variables).correlateAllWithResult().isEmpty();
    }
}
