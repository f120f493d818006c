package com.whatsappflux.payment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.whatsappflux.crm.ContactService;
import com.whatsappflux.system.BusinessClock;

/** Update ledger and CRM: the invoice is settled; the contact is a paying customer. */
@Component
public class UpdateLedgerDelegate implements JavaDelegate {

    private final InvoiceRepository invoices;
    private final ContactService contacts;
    private final BusinessClock clock;

    public UpdateLedgerDelegate(InvoiceRepository invoices, ContactService contacts, BusinessClock clock) {
        this.invoices = invoices;
        this.contacts = contacts;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Invoice invoice = PaymentVariables.invoice(invoices, execution);
        invoices.ledger(invoice.id(), "SETTLED", invoice.paidAmount(), "paid in full", clock.now());
        contacts.markCustomer(invoice.waId());
        contacts.addTag(invoice.waId(), "paid:" + invoice.number());
    }
}
