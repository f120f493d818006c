package com.whatsappflux.payment;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

/** Razorpay Payment Links API: POST {base}/v1/payment_links with basic auth key id / secret. */
@Component
public class RazorpayClient {

    public record PaymentLink(String id, String shortUrl) {
    }

    private final PaymentSettings settings;
    // plain HTTP/1.1 client: no h2c upgrade attempts against gateways or test stubs
    private final RestClient http = RestClient.builder()
            .requestFactory(new org.springframework.http.client.SimpleClientHttpRequestFactory()).build();

    public RazorpayClient(PaymentSettings settings) {
        this.settings = settings;
    }

    public PaymentLink createPaymentLink(Invoice invoice) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("amount", paise(invoice.balance()));
        body.put("currency", "INR");
        body.put("accept_partial", false);
        body.put("reference_id", invoice.number());
        body.put("description", "Invoice " + invoice.number());
        Map<String, Object> customer = new LinkedHashMap<>();
        if (invoice.customerName() != null) {
            customer.put("name", invoice.customerName());
        }
        customer.put("contact", "+" + invoice.waId());
        body.put("customer", customer);
        body.put("notify", Map.of("sms", false, "email", false)); // we tell the customer on WhatsApp ourselves
        body.put("reminder_enable", false);
        body.put("notes", Map.of("invoice_number", invoice.number()));
        String auth = Base64.getEncoder().encodeToString((settings.razorpayKeyId() + ":" + settings.razorpayKeySecret())
                .getBytes(StandardCharsets.UTF_8));
        JsonNode answer = http.post().uri(settings.razorpayApiBaseUrl() + "/v1/payment_links")
                .header("Authorization", "Basic " + auth)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .body(JsonNode.class);
        if (answer == null || !answer.hasNonNull("id") || !answer.hasNonNull("short_url")) {
            throw new IllegalStateException("Razorpay answered without id/short_url: " + answer);
        }
        return new PaymentLink(answer.get("id").asText(), answer.get("short_url").asText());
    }

    static long paise(BigDecimal rupees) {
        return rupees.movePointRight(2).longValueExact();
    }
}
