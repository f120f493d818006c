package com.whatsappflux.lead;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where CRM events go: {@code flux.crm.webhook-urls} (comma list; empty = the built-in CRM only) signed with
 * {@code flux.crm.webhook-secret}. Setters exist so an operator tool or a test can change them at run time.
 */
@Component
public class CrmWebhookSettings {

    private volatile List<String> urls;
    private volatile String secret;
    private volatile Duration backoff;
    private volatile int maxAttempts;

    public CrmWebhookSettings(@Value("${flux.crm.webhook-urls:}") String urls,
                              @Value("${flux.crm.webhook-secret:}") String secret,
                              @Value("${flux.crm.webhook-backoff:PT10S}") Duration backoff,
                              @Value("${flux.crm.webhook-max-attempts:10}") int maxAttempts) {
        setUrls(urls);
        this.secret = secret;
        this.backoff = backoff;
        this.maxAttempts = maxAttempts;
    }

    public List<String> urls() {
        return urls;
    }

    public String secret() {
        return secret;
    }

    public Duration backoff() {
        return backoff;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    public void setUrls(String commaList) {
        this.urls = commaList == null ? List.of() : Arrays.stream(commaList.split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList();
    }

    public void setSecret(String secret) {
        this.secret = secret;
    }

    public void setBackoff(Duration backoff) {
        this.backoff = backoff;
    }
}
