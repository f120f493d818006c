package com.whatsappflux.payment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.whatsappflux.system.BusinessClock;

/** Close unpaid invoice: cancelled after a dispute, or written off by managers. */
@Component
public class CloseUnpaidInvoiceDelegate implements JavaDelegate {

    private final InvoiceRepository invoices;
    private final BusinessClock clock;

    public CloseUnpaidInvoiceDelegate(InvoiceRepository invoices, BusinessClock clock) {
        this.invoices = invoices;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Invoice invoice = PaymentVariables.invoice(invoices, execution);
        String reason = "cancel".equals(execution.getVariable("disputeOutcome")) ? "cancelled after dispute" : "written off";
        invoices.close(invoice.id(), reason, clock.now());
        invoices.ledger(invoice.id(), "CLOSED", invoice.balance(), reason, clock.now());
    }
}
