package com.whatsappflux.lead;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.whatsappflux.system.Database;

/**
 * Delivers the CRM outbox to the webhook URLs: claims each due row with a compare-and-set (safe with several
 * nodes), POSTs it signed ({@code X-Flux-Signature: sha256=<hmac hex>}) with {@code Idempotency-Key} = event id,
 * retries with exponential backoff, and never sends a row again once a 2xx came back.
 */
@Component
class CrmWebhookWorker {

    private static final Logger log = LoggerFactory.getLogger(CrmWebhookWorker.class);
    private static final Duration CLAIM = Duration.ofMinutes(2);
    private static final int BATCH = 20;

    private final Database db;
    private final CrmWebhookSettings settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    CrmWebhookWorker(Database db, CrmWebhookSettings settings) {
        this.db = db;
        this.settings = settings;
    }

    record Row(long id, String eventId, String url, String body, int attempts) {
    }

    @Scheduled(fixedDelayString = "${flux.crm.webhook-poll-ms:500}", initialDelayString = "${flux.crm.webhook-poll-ms:500}")
    void deliverDue() {
        Instant now = Instant.now();
        List<Row> due = db.jdbc().query("SELECT id, event_id, url, body, attempts FROM crm_outbox WHERE delivered_at IS NULL "
                        + "AND failed_at IS NULL AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until < ?) "
                        + "ORDER BY id LIMIT ?", (rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getInt(5)), Timestamp.from(now), Timestamp.from(now), BATCH);
        for (Row row : due) {
            if (claim(row, now)) {
                deliver(row);
            }
        }
    }

    private boolean claim(Row row, Instant now) {
        return db.jdbc().update("UPDATE crm_outbox SET claimed_until = ? WHERE id = ? AND delivered_at IS NULL "
                + "AND (claimed_until IS NULL OR claimed_until < ?)", Timestamp.from(now.plus(CLAIM)), row.id(),
                Timestamp.from(now)) == 1;
    }

    private void deliver(Row row) {
        String error;
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(row.url()))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", row.eventId())
                    .POST(HttpRequest.BodyPublishers.ofString(row.body(), StandardCharsets.UTF_8));
            String secret = settings.secret();
            if (secret != null && !secret.isEmpty()) {
                request.header("X-Flux-Signature", "sha256=" + sign(row.body(), secret));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                db.jdbc().update("UPDATE crm_outbox SET delivered_at = ?, attempts = attempts + 1, claimed_until = NULL, "
                        + "last_error = NULL WHERE id = ?", Timestamp.from(Instant.now()), row.id());
                return;
            }
            error = "HTTP " + response.statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        } catch (Exception e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        int attempts = row.attempts() + 1;
        Instant next = Instant.now().plus(settings.backoff().multipliedBy(1L << Math.min(attempts - 1, 10)));
        boolean giveUp = attempts >= settings.maxAttempts();
        log.warn("CRM webhook {} to {} failed (attempt {}{}): {}", row.eventId(), row.url(), attempts,
                giveUp ? ", giving up" : "", error);
        db.jdbc().update("UPDATE crm_outbox SET attempts = ?, next_attempt_at = ?, claimed_until = NULL, last_error = ?, "
                        + "failed_at = ? WHERE id = ?", attempts, Timestamp.from(next),
                error.length() > 1000 ? error.substring(0, 1000) : error, giveUp ? Timestamp.from(Instant.now()) : null,
                row.id());
    }

    static String sign(String body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
