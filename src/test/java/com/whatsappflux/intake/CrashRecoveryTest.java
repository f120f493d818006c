package com.whatsappflux.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import com.whatsappflux.testing.PostgresTestDatabase;
import com.whatsappflux.testing.StandaloneApp;
import com.whatsappflux.whatsapp.WebhookIngestService;

/**
 * Acknowledged but not yet processed messages survive a crash: a first node stores them and dies before
 * handling them; a restarted node handles each exactly once. The restart also migrates and deploys nothing new.
 */
@Tag("integration")
class CrashRecoveryTest {

    @Test
    void storedButUnprocessedMessagesAreProcessedOnceAfterRestart() {
        Map<String, Object> properties = databaseProperties();
        String asha = "9197" + String.format("%08d", Math.abs(UUID.randomUUID().getMostSignificantBits()) % 100_000_000L);
        String ravi = "9196" + String.format("%08d", Math.abs(UUID.randomUUID().getLeastSignificantBits()) % 100_000_000L);

        long deploymentsAfterFirstStart;
        long migrationsAfterFirstStart;
        try (StandaloneApp first = start(properties, false)) {
            WebhookIngestService inbox = first.getBean(WebhookIngestService.class);
            inbox.ingest(payload(asha, "wamid.crash.1." + asha, "hello").getBytes(StandardCharsets.UTF_8), "webhook");
            inbox.ingest(payload(asha, "wamid.crash.2." + asha, "ok thanks").getBytes(StandardCharsets.UTF_8), "webhook");
            inbox.ingest(payload(ravi, "wamid.crash.3." + ravi, "namaste").getBytes(StandardCharsets.UTF_8), "webhook");
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            assertThat(pending(jdbc, asha, ravi)).isEqualTo(3);
            deploymentsAfterFirstStart = count(jdbc, "SELECT COUNT(*) FROM ACT_RE_DEPLOYMENT");
            migrationsAfterFirstStart = count(jdbc, "SELECT COUNT(*) FROM \"flyway_schema_history\"");
        } // the node dies with three acknowledged, unprocessed messages

        try (StandaloneApp second = start(properties, true)) {
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> pending(jdbc, asha, ravi) == 0);
            assertThat(count(jdbc, "SELECT COUNT(*) FROM inbound_message WHERE status = 'PROCESSED' AND customer_key IN ('"
                    + asha + "','" + ravi + "')")).isEqualTo(3);
            assertThat(count(jdbc, "SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE PROC_DEF_KEY_ = 'message-intake' "
                    + "AND BUSINESS_KEY_ IN ('" + asha + "','" + ravi + "')")).isEqualTo(3);
            assertThat(count(jdbc, "SELECT COUNT(*) FROM ACT_RE_DEPLOYMENT")).isEqualTo(deploymentsAfterFirstStart);
            assertThat(count(jdbc, "SELECT COUNT(*) FROM \"flyway_schema_history\"")).isEqualTo(migrationsAfterFirstStart);
            List<String> order = jdbc.queryForList("SELECT wamid FROM inbound_message WHERE customer_key = ? ORDER BY processed_at, id",
                    String.class, asha);
            assertThat(order).containsExactly("wamid.crash.1." + asha, "wamid.crash.2." + asha);
        }
    }

    private static StandaloneApp start(Map<String, Object> properties, boolean dispatcher) {
        Map<String, Object> all = new HashMap<>(properties);
        all.put("flux.intake.dispatcher-enabled", dispatcher);
        // command-line arguments: they outrank application.yaml (default properties would not)
        String[] args = all.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return StandaloneApp.run(args);
    }

    private static Map<String, Object> databaseProperties() {
        Map<String, Object> p = new HashMap<>();
        p.put("server.port", 0);
        p.put("flux.whatsapp.access-token", "");
        p.put("flux.whatsapp.phone-number-id", "106540352242922");
        p.put("camunda.bpm.job-execution.wait-time-in-millis", 50);
        if ("postgres".equals(System.getProperty("flux.test.db"))) {
            p.put("spring.datasource.url", PostgresTestDatabase.url("flux_test_restart"));
            p.put("spring.datasource.username", PostgresTestDatabase.USER);
            p.put("spring.datasource.password", "");
            p.put("camunda.bpm.database.type", "postgres");
        } else {
            p.put("spring.datasource.url", "jdbc:h2:mem:crash-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        }
        return p;
    }

    private static String payload(String waId, String wamid, String text) {
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{
                 "messaging_product":"whatsapp","metadata":{"display_phone_number":"912240001234","phone_number_id":"106540352242922"},
                 "contacts":[{"profile":{"name":"Test"},"wa_id":"%s"}],
                 "messages":[{"from":"%s","id":"%s","timestamp":"%d","type":"text","text":{"body":"%s"}}]}}]}]}"""
                .formatted(waId, waId, wamid, Instant.now().getEpochSecond(), text);
    }

    private static long pending(JdbcTemplate jdbc, String a, String b) {
        return count(jdbc, "SELECT COUNT(*) FROM inbound_message WHERE status = 'RECEIVED' AND customer_key IN ('"
                + a + "','" + b + "')");
    }

    private static long count(JdbcTemplate jdbc, String sql) {
        Long n = jdbc.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }
}
