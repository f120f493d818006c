package com.whatsappflux.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerApplicationContext;

import com.whatsappflux.testing.StandaloneApp;

/**
 * Sandbox mode (no access token, the embedded default): a customer message posted to /api/sandbox/inbound goes
 * through the same inbox as the webhook, the business's answer lands in the outbox with the exact Graph request
 * body, and the simulator page is served. The same endpoints are 404 once a token is configured
 * ({@link WebhookIntegrationTest}'s application has one: see {@code sandboxToolsAreAbsentWithARealNumber}).
 */
@Tag("integration")
class SandboxModeTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aSimulatedCustomerGetsTheBusinessReplyInTheOutbox() throws Exception {
        String[] args = {"--server.port=0", "--flux.whatsapp.access-token=",
                "--spring.datasource.url=jdbc:h2:mem:sandbox-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "--camunda.bpm.job-execution.wait-time-in-millis=50"};
        try (StandaloneApp app = StandaloneApp.run(args)) {
            int port = ((WebServerApplicationContext) app.context()).getWebServer().getPort();
            String base = "http://localhost:" + port;
            String waId = "9195" + String.format("%08d", Math.abs(UUID.randomUUID().getMostSignificantBits()) % 100_000_000L);

            HttpResponse<String> inbound = http.send(HttpRequest.newBuilder(URI.create(base + "/api/sandbox/inbound"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"from\":\"" + waId + "\",\"name\":\"Asha\",\"text\":\"namaste\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(inbound.statusCode()).isEqualTo(202);
            assertThat(json.readTree(inbound.body()).path("id").asText()).startsWith("wamid.");

            JsonNode outbox = Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> json.readTree(
                    http.send(HttpRequest.newBuilder(URI.create(base + "/api/sandbox/outbox?to=" + waId)).build(),
                            HttpResponse.BodyHandlers.ofString()).body()), list -> list.size() >= 1);
            JsonNode menu = outbox.get(0);
            assertThat(menu.path("request").path("to").asText()).isEqualTo("+" + waId);
            assertThat(menu.path("request").path("interactive").path("type").asText()).isEqualTo("list");
            assertThat(menu.path("text").asText()).contains("Asha");

            HttpResponse<String> tap = http.send(HttpRequest.newBuilder(URI.create(base + "/api/sandbox/inbound"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"from\":\"" + waId + "\",\"interactive\":"
                            + "{\"type\":\"list_reply\",\"id\":\"MENU_SUPPORT\",\"title\":\"Help with an order\"}}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(tap.statusCode()).isEqualTo(202);
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> json.readTree(
                    http.send(HttpRequest.newBuilder(URI.create(base + "/api/sandbox/outbox?to=" + waId)).build(),
                            HttpResponse.BodyHandlers.ofString()).body()).size() >= 2);

            HttpResponse<String> bad = http.send(HttpRequest.newBuilder(URI.create(base + "/api/sandbox/inbound"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"from\":\"abc\",\"text\":\"x\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body()).contains("from");

            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/simulator")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("Customer simulator").contains("textContent");
        }
    }
}
