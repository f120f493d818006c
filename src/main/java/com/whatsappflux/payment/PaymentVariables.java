package com.whatsappflux.payment;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Reads the invoice a process instance is about. */
final class PaymentVariables {

    private PaymentVariables() {
    }

    static Invoice invoice(InvoiceRepository invoices, DelegateExecution execution) {
        String number = (String) execution.getVariable(PaymentProcess.INVOICE_NUMBER);
        return invoices.find(number).orElseThrow(() -> new IllegalStateException("no invoice " + number));
    }

    static String language(DelegateExecution execution) {
        return com.whatsappflux.conversation.CustomerMessenger.language(execution);
    }
}
