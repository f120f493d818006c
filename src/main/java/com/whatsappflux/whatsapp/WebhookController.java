package com.whatsappflux.whatsapp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Meta's webhook: the verification handshake and signed deliveries (contracts.md, "HTTP endpoints"). */
@RestController
@RequestMapping("/webhooks/whatsapp")
public class WebhookController {

    private static final Logger log = LoggerFactory.getLogger(WebhookController.class);

    private final WhatsAppProperties properties;
    private final WebhookIngestService ingest;

    public WebhookController(WhatsAppProperties properties, WebhookIngestService ingest) {
        this.properties = properties;
        this.ingest = ingest;
    }

    @GetMapping(produces = MediaType.TEXT_PLAIN_VALUE)
    public ResponseEntity<String> verify(@RequestParam(name = "hub.mode", required = false) String mode,
                                         @RequestParam(name = "hub.verify_token", required = false) String token,
                                         @RequestParam(name = "hub.challenge", required = false) String challenge) {
        boolean tokenMatches = token != null && properties.verifyToken() != null && MessageDigest.isEqual(
                token.getBytes(StandardCharsets.UTF_8), properties.verifyToken().getBytes(StandardCharsets.UTF_8));
        if ("subscribe".equals(mode) && tokenMatches && challenge != null) {
            return ResponseEntity.ok(challenge);
        }
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body("verification failed");
    }

    @PostMapping
    public ResponseEntity<Map<String, Object>> receive(HttpServletRequest request,
            @RequestHeader(name = "X-Hub-Signature-256", required = false) String signature) throws IOException {
        long max = properties.maxBodyBytes();
        if (request.getContentLengthLong() > max) {
            return error(HttpStatus.PAYLOAD_TOO_LARGE, "body larger than " + max + " bytes");
        }
        byte[] body = readAtMost(request.getInputStream(), max);
        if (body == null) {
            return error(HttpStatus.PAYLOAD_TOO_LARGE, "body larger than " + max + " bytes");
        }
        if (!WebhookSignature.isValid(body, signature, properties.appSecret())) {
            log.warn("Webhook rejected: {} X-Hub-Signature-256", signature == null ? "missing" : "invalid");
            return error(HttpStatus.UNAUTHORIZED, signature == null ? "missing signature" : "invalid signature");
        }
        try {
            WebhookIngestService.IngestResult result = ingest.ingest(body, "webhook");
            return ResponseEntity.ok(Map.of("stored", result.messagesStored(), "duplicates", result.duplicates(),
                    "statuses", result.statuses()));
        } catch (MalformedPayloadException malformed) {
            return error(HttpStatus.BAD_REQUEST, "malformed payload: " + malformed.getMessage());
        }
    }

    /** Reads the raw bytes (the signature is over exactly these), or null when the limit is exceeded. */
    static byte[] readAtMost(InputStream in, long max) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        return bytes.length > max ? null : bytes;
    }

    static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("error", message));
    }
}
