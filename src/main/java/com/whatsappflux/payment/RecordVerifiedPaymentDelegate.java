package com.whatsappflux.payment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;

/** Record verified payment: accounts found it on the statement. */
@Component
public class RecordVerifiedPaymentDelegate implements JavaDelegate {

    private final InvoiceRepository invoices;
    private final InvoiceService service;

    public RecordVerifiedPaymentDelegate(InvoiceRepository invoices, InvoiceService service) {
        this.invoices = invoices;
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Invoice invoice = PaymentVariables.invoice(invoices, execution);
        Object verified = execution.getVariable("verifiedAmount");
        Object claimed = execution.getVariable(PaymentProcess.CLAIMED_AMOUNT);
        BigDecimal amount = verified != null ? new BigDecimal(verified.toString())
                : claimed != null ? new BigDecimal(claimed.toString()) : invoice.balance();
        String reference = firstNonBlank(execution.getVariable("verifiedReference"), execution.getVariable(PaymentProcess.CLAIMED_REFERENCE),
                "verified-" + execution.getProcessInstanceId() + "-" + invoice.paidAmount().toPlainString());
        service.recordPayment(invoice.number(), amount, reference, "upi", "verified", null);
    }

    private static String firstNonBlank(Object... values) {
        for (Object v : values) {
            if (v != null && !v.toString().isBlank()) {
                return v.toString().trim();
            }
        }
        return null;
    }
}
