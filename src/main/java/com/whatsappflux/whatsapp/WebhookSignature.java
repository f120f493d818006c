package com.whatsappflux.whatsapp;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 of the raw body with the app secret, as Meta signs webhooks (X-Hub-Signature-256). */
public final class WebhookSignature {

    private static final String PREFIX = "sha256=";

    private WebhookSignature() {
    }

    public static String sign(byte[] rawBody, String secret) {
        return PREFIX + HexFormat.of().formatHex(hmac(rawBody, secret));
    }

    /** Constant-time comparison over the exact bytes received, before any parsing. */
    public static boolean isValid(byte[] rawBody, String header, String secret) {
        if (header == null || secret == null || secret.isEmpty()) {
            return false;
        }
        String trimmed = header.trim();
        if (!trimmed.startsWith(PREFIX)) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(trimmed.substring(PREFIX.length()).toLowerCase());
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        return MessageDigest.isEqual(hmac(rawBody, secret), given);
    }

    private static byte[] hmac(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
