package com.whatsappflux.payment;

import java.util.Map;

import org.springframework.stereotype.Component;

import com.whatsappflux.crm.CustomerFactsProvider;

/** Routing facts: unpaidInvoices (long) and openInvoiceTotal (double, INR) for the message-route table. */
@Component
public class PaymentFacts implements CustomerFactsProvider {

    private final InvoiceRepository invoices;

    public PaymentFacts(InvoiceRepository invoices) {
        this.invoices = invoices;
    }

    @Override
    public Map<String, Object> factsFor(String waId) {
        InvoiceRepository.OpenInvoices open = invoices.openInvoices(waId);
        return Map.of("unpaidInvoices", open.count(), "openInvoiceTotal", open.total().doubleValue());
    }
}
