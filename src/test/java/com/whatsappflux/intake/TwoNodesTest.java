package com.whatsappflux.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.whatsappflux.testing.PostgresTestDatabase;
import com.whatsappflux.testing.StandaloneApp;
import com.whatsappflux.whatsapp.WebhookSignature;

/**
 * Two nodes on one PostgreSQL, webhooks split between them and every delivery sent to both (as Meta's retries can
 * land anywhere): each message is stored once, routed once, and starts exactly one intake. PostgreSQL only — the
 * embedded H2 default is a single-node setup.
 */
@Tag("integration")
class TwoNodesTest {

    private static final String SECRET = "two-nodes-secret";
    private static final String PHONE = "106540352242922";

    @Test
    void twoNodesShareTheInboxWithoutDoingAnythingTwice() throws Exception {
        assumeTrue("postgres".equals(System.getProperty("flux.test.db")), "two nodes need PostgreSQL");
        String url = PostgresTestDatabase.url("flux_test_two_nodes");
        String[] common = {"--server.port=0", "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + PostgresTestDatabase.USER, "--spring.datasource.password=",
                "--camunda.bpm.database.type=postgres", "--flux.whatsapp.access-token=",
                "--flux.whatsapp.app-secret=" + SECRET, "--flux.whatsapp.phone-number-id=" + PHONE,
                "--camunda.bpm.job-execution.wait-time-in-millis=50"};
        try (StandaloneApp first = StandaloneApp.run(common); StandaloneApp second = StandaloneApp.run(common)) {
            int[] ports = {port(first), port(second)};
            HttpClient http = HttpClient.newHttpClient();
            String prefix = "9194" + String.format("%04d", (int) (System.nanoTime() % 10_000));
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<Integer>> posts = new ArrayList<>();
            List<String> customers = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                customers.add(prefix + String.format("%04d", i));
            }
            // a greeting from everyone, then (a moment later, as people type) their second message; every delivery
            // reaches both nodes, concurrently
            for (int message = 0; message < 2; message++) {
                for (String waId : customers) {
                    byte[] body = payload(waId, "wamid.two." + waId + "." + message, message == 0 ? "namaste" : "ok thanks",
                            message);
                    for (int port : ports) {
                        posts.add(pool.submit(() -> post(http, port, body)));
                    }
                }
                for (Future<Integer> status : posts) {
                    assertThat(status.get()).isEqualTo(200);
                }
            }
            pool.shutdown();

            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            String in = "'" + String.join("','", customers) + "'";
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM inbound_message WHERE customer_key IN (" + in + ")",
                    Long.class)).isEqualTo(120);
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                    "SELECT COUNT(*) FROM inbound_message WHERE status = 'PROCESSED' AND customer_key IN (" + in + ")",
                    Long.class) == 120);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE PROC_DEF_KEY_ = 'message-intake' "
                    + "AND BUSINESS_KEY_ IN (" + in + ")", Long.class)).isEqualTo(120);
            // every greeting got exactly one menu, whichever node ran the job
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                    "SELECT COUNT(*) FROM outbound_message WHERE customer_key IN (" + in + ")", Long.class) >= 60);
            Thread.sleep(500);
            assertThat(jdbc.queryForList("SELECT customer_key FROM outbound_message WHERE customer_key IN (" + in + ") "
                    + "GROUP BY customer_key HAVING COUNT(*) > 1", String.class)).isEmpty();
            // and each customer's two messages were handled in the order they were written, whatever the delivery order
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM inbound_message a JOIN inbound_message b "
                    + "ON a.customer_key = b.customer_key AND a.wamid LIKE '%.0' AND b.wamid LIKE '%.1' "
                    + "WHERE a.customer_key IN (" + in + ") AND a.processed_at > b.processed_at", Long.class)).isZero();
        }
    }

    private static int port(StandaloneApp app) {
        return ((WebServerApplicationContext) app.context()).getWebServer().getPort();
    }

    private static int post(HttpClient http, int port, byte[] body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/whatsapp"))
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", WebhookSignature.sign(body, SECRET))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static byte[] payload(String waId, String wamid, String text, int secondsLater) {
        return ("""
                {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{
                 "messaging_product":"whatsapp","metadata":{"display_phone_number":"912240001234","phone_number_id":"%s"},
                 "contacts":[{"profile":{"name":"Test"},"wa_id":"%s"}],
                 "messages":[{"from":"%s","id":"%s","timestamp":"%d","type":"text","text":{"body":"%s"}}]}}]}]}""")
                .formatted(PHONE, waId, waId, wamid, Instant.now().getEpochSecond() + secondsLater, text).getBytes(StandardCharsets.UTF_8);
    }
}
