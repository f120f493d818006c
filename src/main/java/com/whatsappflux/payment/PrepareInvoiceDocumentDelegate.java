package com.whatsappflux.payment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;


/** Prepare invoice document: the PDF is generated on request by token; here the Razorpay link is created when configured. */
@Component
public class PrepareInvoiceDocumentDelegate implements JavaDelegate {

    private final InvoiceRepository invoices;
    private final PaymentLinks links;

    public PrepareInvoiceDocumentDelegate(InvoiceRepository invoices, PaymentLinks links) {
        this.invoices = invoices;
        this.links = links;
    }

    @Override
    public void execute(DelegateExecution execution) {
        links.ensureGatewayLink(PaymentVariables.invoice(invoices, execution));
    }
}
