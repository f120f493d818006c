package com.whatsappflux.whatsapp;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The WhatsApp Cloud API connection (contracts.md, "Configuration"). An empty access token means sandbox
 * mode: nothing leaves the machine and outbound messages land in the outbox.
 */
@ConfigurationProperties(prefix = "flux.whatsapp")
public record WhatsAppProperties(
        String appSecret,
        String verifyToken,
        String accessToken,
        List<String> phoneNumberId,
        @DefaultValue("https://graph.facebook.com") String apiBaseUrl,
        @DefaultValue("v23.0") String apiVersion,
        @DefaultValue("80") int maxMessagesPerSecond,
        @DefaultValue("3145728") long maxBodyBytes,
        @DefaultValue("10s") Duration requestTimeout,
        /* retries inside one send for throughput errors and 5xx, before the job's own retries take over */
        @DefaultValue("3") int sendAttempts,
        @DefaultValue("500ms") Duration retryBackoff,
        /* nodes sharing one business number; each node takes its share of the throughput cap */
        @DefaultValue("1") int clusterNodes) {

    /** {@code https://graph.facebook.com/v23.0/} + path, for the configured base URL and API version. */
    public String graphUrl(String path) {
        return apiBaseUrl().replaceAll("/+$", "") + "/" + apiVersion() + "/" + path;
    }

    public boolean sandbox() {
        return accessToken == null || accessToken.isBlank();
    }

    public List<String> phoneNumberIds() {
        return phoneNumberId == null ? List.of()
                : phoneNumberId.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public boolean isConfiguredNumber(String id) {
        return id != null && phoneNumberIds().contains(id);
    }

    public String defaultPhoneNumberId() {
        List<String> ids = phoneNumberIds();
        if (ids.isEmpty()) {
            throw new IllegalStateException("FLUX_WHATSAPP_PHONE_NUMBER_ID is not configured");
        }
        return ids.get(0);
    }
}
