package com.whatsappflux.payment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * POST /webhooks/razorpay: verifies X-Razorpay-Signature (HMAC-SHA256 hex of the raw body, key
 * flux.razorpay.webhook-secret) before reading anything. Answers 200 for everything it could keep or safely
 * ignore (duplicates, other events, unknown invoices) so Razorpay does not retry; 401 for a bad signature.
 */
@RestController
class RazorpayWebhookController {

    private static final Logger log = LoggerFactory.getLogger(RazorpayWebhookController.class);

    private final PaymentSettings settings;
    private final GatewayPayments payments;
    private final ObjectMapper json;

    RazorpayWebhookController(PaymentSettings settings, GatewayPayments payments, ObjectMapper json) {
        this.settings = settings;
        this.payments = payments;
        this.json = json;
    }

    @PostMapping("/webhooks/razorpay")
    ResponseEntity<Map<String, String>> receive(@RequestBody(required = false) byte[] body,
                                                @RequestHeader(value = "X-Razorpay-Signature", required = false) String signature,
                                                @RequestHeader(value = "X-Razorpay-Event-Id", required = false) String eventId) {
        if (body == null || !validSignature(body, signature, settings.razorpayWebhookSecret())) {
            return ResponseEntity.status(401).body(Map.of("error", "invalid signature"));
        }
        JsonNode event;
        try {
            event = json.readTree(body);
        } catch (java.io.IOException e) {
            return ResponseEntity.badRequest().body(Map.of("error", "malformed JSON"));
        }
        String outcome = payments.handle(eventId, event);
        log.info("Razorpay event {} ({}): {}", eventId, event.path("event").asText(), outcome);
        return ResponseEntity.ok(Map.of("status", outcome));
    }

    static boolean validSignature(byte[] body, String signature, String secret) {
        if (signature == null || secret == null || secret.isBlank()) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = HexFormat.of().formatHex(mac.doFinal(body)).getBytes(StandardCharsets.US_ASCII);
            return MessageDigest.isEqual(expected, signature.trim().toLowerCase().getBytes(StandardCharsets.US_ASCII));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sign(String body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
