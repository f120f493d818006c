package com.whatsappflux.payment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;

/** Check invoice balance: paid in full? a payment since we last looked (a part payment to acknowledge)? */
@Component
public class CheckInvoiceBalanceDelegate implements JavaDelegate {

    private final InvoiceRepository invoices;
    private final PaymentMessages messages;

    public CheckInvoiceBalanceDelegate(InvoiceRepository invoices, PaymentMessages messages) {
        this.invoices = invoices;
        this.messages = messages;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Invoice invoice = PaymentVariables.invoice(invoices, execution);
        Object acknowledged = execution.getVariable(PaymentProcess.ACKNOWLEDGED_PAID);
        BigDecimal before = acknowledged == null ? BigDecimal.ZERO : new BigDecimal(acknowledged.toString());
        execution.setVariable(PaymentProcess.PAID_IN_FULL, invoice.balance().signum() == 0);
        execution.setVariable(PaymentProcess.NEW_PAYMENT_RECEIVED, invoice.paidAmount().compareTo(before) > 0);
        execution.setVariable("newPaymentAmount", invoice.paidAmount().subtract(before).max(BigDecimal.ZERO).toPlainString());
        execution.setVariable(PaymentProcess.ACKNOWLEDGED_PAID, invoice.paidAmount().toPlainString());
        execution.setVariable(PaymentProcess.INVOICE_SUMMARY, messages.summary(invoice));
        execution.setVariable(PaymentProcess.CUSTOMER_NAME, messages.customerName(invoice.waId(), invoice));
    }
}
