package com.whatsappflux.payment;

import java.math.BigDecimal;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.databind.JsonNode;

import com.whatsappflux.system.BusinessClock;

/** Payment gateway events, once each: Razorpay payment_link.paid → a payment on the invoice. */
@Service
public class GatewayPayments {

    private final InvoiceRepository invoices;
    private final InvoiceService service;
    private final BusinessClock clock;

    public GatewayPayments(InvoiceRepository invoices, InvoiceService service, BusinessClock clock) {
        this.invoices = invoices;
        this.service = service;
        this.clock = clock;
    }

    /** Answers what happened: recorded, duplicate, ignored, unknown invoice. */
    @Transactional
    public String handle(String eventId, JsonNode event) {
        String type = event.path("event").asText();
        JsonNode link = event.path("payload").path("payment_link").path("entity");
        JsonNode payment = event.path("payload").path("payment").path("entity");
        String paymentId = payment.path("id").asText(null);
        String key = eventId != null && !eventId.isBlank() ? eventId : type + ":" + (paymentId == null ? link.path("id").asText() : paymentId);
        if (!invoices.firstGatewayEvent(key, type.isBlank() ? "unknown" : type, clock.now())) {
            return "duplicate";
        }
        String outcome = record(type, link, payment, paymentId);
        invoices.gatewayEventOutcome(key, outcome);
        return outcome;
    }

    private String record(String type, JsonNode link, JsonNode payment, String paymentId) {
        if (!"payment_link.paid".equals(type) && !"payment_link.partially_paid".equals(type)) {
            return "ignored";
        }
        Optional<Invoice> invoice = Optional.ofNullable(link.path("id").asText(null)).flatMap(invoices::findByPaymentLink)
                .or(() -> Optional.ofNullable(link.path("reference_id").asText(null)).flatMap(invoices::find));
        if (invoice.isEmpty() || paymentId == null) {
            return "unknown invoice";
        }
        BigDecimal amount = BigDecimal.valueOf(payment.path("amount").asLong(link.path("amount_paid").asLong()), 2);
        InvoiceService.PaymentOutcome result = service.recordPayment(invoice.get().number(), amount, paymentId,
                payment.path("method").asText("razorpay"), "gateway", "razorpay");
        return result == InvoiceService.PaymentOutcome.DUPLICATE ? "duplicate" : "recorded";
    }
}
