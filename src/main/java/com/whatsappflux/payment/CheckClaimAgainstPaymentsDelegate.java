package com.whatsappflux.payment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;


/** Check claim against received payments: the gateway may already have confirmed it (same reference, or paid in full). */
@Component
public class CheckClaimAgainstPaymentsDelegate implements JavaDelegate {

    private final InvoiceRepository invoices;
    private final PaymentMessages messages;

    public CheckClaimAgainstPaymentsDelegate(InvoiceRepository invoices, PaymentMessages messages) {
        this.invoices = invoices;
        this.messages = messages;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Invoice invoice = PaymentVariables.invoice(invoices, execution);
        String reference = (String) execution.getVariable(PaymentProcess.CLAIMED_REFERENCE);
        boolean confirmed = invoice.balance().signum() == 0
                || (reference != null && !reference.isBlank() && invoices.hasPayment(invoice.id(), reference));
        execution.setVariable(PaymentProcess.CLAIM_CONFIRMED, confirmed);
        Object claimed = execution.getVariable(PaymentProcess.CLAIMED_AMOUNT);
        execution.setVariable(PaymentProcess.CLAIMED_AMOUNT_TEXT, claimed == null ? "not stated"
                : IndianFormat.rupees(new java.math.BigDecimal(claimed.toString())));
        execution.setVariable(PaymentProcess.INVOICE_SUMMARY, messages.summary(invoice));
        execution.setVariable(PaymentProcess.CUSTOMER_NAME, messages.customerName(invoice.waId(), invoice));
    }
}
