package com.whatsappflux.payment;

import org.springframework.stereotype.Component;

import com.whatsappflux.business.BusinessProfileService;

/** The ways to pay an invoice and to fetch it: UPI deep link, the invoice document link, the Razorpay link. */
@Component
public class PaymentLinks {

    private final BusinessProfileService profile;
    private final PaymentSettings settings;
    private final RazorpayClient razorpay;
    private final InvoiceRepository invoices;
    private final com.whatsappflux.system.BusinessClock clock;

    public PaymentLinks(BusinessProfileService profile, PaymentSettings settings, RazorpayClient razorpay,
                        InvoiceRepository invoices, com.whatsappflux.system.BusinessClock clock) {
        this.profile = profile;
        this.settings = settings;
        this.razorpay = razorpay;
        this.invoices = invoices;
        this.clock = clock;
    }

    /** UPI link for the balance still due; null when the business has no VPA configured. */
    public String upi(Invoice invoice) {
        var business = profile.profile();
        if (business.upiVpa() == null || business.upiVpa().isBlank()) {
            return null;
        }
        return UpiLink.of(business.upiVpa(), business.name(), invoice.balance(), invoice.number());
    }

    /** The invoice's own PDF, or the one we generate, served by token. */
    public String document(Invoice invoice) {
        return invoice.pdfUrl() != null ? invoice.pdfUrl()
                : settings.publicBaseUrl() + "/files/invoices/" + invoice.fileToken() + ".pdf";
    }

    /** Creates the Razorpay payment link once (when configured); answers the invoice as it is now. */
    public Invoice ensureGatewayLink(Invoice invoice) {
        if (invoice.paymentLinkId() != null || !settings.razorpayConfigured() || !invoice.open()) {
            return invoice;
        }
        RazorpayClient.PaymentLink link = razorpay.createPaymentLink(invoice);
        invoices.savePaymentLink(invoice.id(), link.id(), link.shortUrl(), clock.now());
        return invoices.find(invoice.number()).orElseThrow();
    }
}
