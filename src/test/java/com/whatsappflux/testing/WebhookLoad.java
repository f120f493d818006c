package com.whatsappflux.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import com.whatsappflux.whatsapp.WebhookSignature;

/**
 * Signed webhook deliveries as Meta sends them, one text message each, for the fault tests: build a delivery
 * once, post it as often as Meta would (redeliveries carry the same wamid and body).
 */
public final class WebhookLoad {

    /** The mix of a small shop's inbox: a greeting, a price question, a payment claim, a Hinglish booking. */
    public static final String[] TEXTS = {"hi", "price of AC?", "payment done", "kal appointment chahiye"};

    /** Status of a post that got no HTTP answer at all (connection refused or reset). */
    public static final int NO_ANSWER = -1;

    public record Delivery(String waId, String wamid, byte[] body) {
    }

    private final String appSecret;
    private final String phoneNumberId;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public WebhookLoad(String appSecret, String phoneNumberId) {
        this.appSecret = appSecret;
        this.phoneNumberId = phoneNumberId;
    }

    public Delivery delivery(String waId, String wamid, String text) {
        String body = """
                {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{
                 "messaging_product":"whatsapp","metadata":{"display_phone_number":"912240001234","phone_number_id":"%s"},
                 "contacts":[{"profile":{"name":"Test"},"wa_id":"%s"}],
                 "messages":[{"from":"%s","id":"%s","timestamp":"%d","type":"text","text":{"body":"%s"}}]}}]}]}"""
                .formatted(phoneNumberId, waId, waId, wamid, Instant.now().getEpochSecond(), text);
        return new Delivery(waId, wamid, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Posts the delivery; answers the HTTP status, or {@link #NO_ANSWER}. Gives up after {@code timeout}. */
    public int post(int port, Delivery delivery, Duration timeout) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/whatsapp"))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", WebhookSignature.sign(delivery.body(), appSecret))
                .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body())).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException noAnswer) {
            return NO_ANSWER;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return NO_ANSWER;
        }
    }

    /** Posts again and again, as Meta redelivers what was not acknowledged, until a 200 (bounded: 20 tries). */
    public void postUntilAcknowledged(int port, Delivery delivery) {
        for (int attempt = 0; attempt < 20; attempt++) {
            if (post(port, delivery, Duration.ofSeconds(10)) == 200) {
                return;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while redelivering " + delivery.wamid(), e);
            }
        }
        throw new AssertionError("redelivery of " + delivery.wamid() + " never acknowledged");
    }
}
