package com.whatsappflux.intake;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import com.whatsappflux.testing.ChildApp;
import com.whatsappflux.testing.PostgresTestDatabase;
import com.whatsappflux.testing.WebhookLoad;
import com.whatsappflux.testing.WebhookLoad.Delivery;

/**
 * {@code kill -9} during sustained ingest, then a restart on the same database: every acknowledged message is
 * stored once, routed once and answered once. The application runs as a child JVM so the kill is real — no
 * shutdown hook, no connection closed politely, jobs and sends cut wherever they were.
 *
 * <p>The one duplicate the design cannot exclude: a send Meta accepted whose "accepted" commit the kill cut off.
 * The outbox row is then still SENDING (it is committed before the HTTP call), the retried job sends it again —
 * the Cloud API has no idempotency key. Only rows SENDING at the moment of the kill may therefore go out twice;
 * every other reply must reach the Graph stub exactly as often as the outbox recorded it. One customer's answer
 * is held up at the stub until after the kill, so that window is exercised on every run, not only by chance.
 *
 * <p>PostgreSQL only: the embedded H2 database lives and dies with its JVM.
 */
@Tag("integration")
class KillNineRecoveryTest {

    private static final String DATABASE = "flux_test_kill";
    private static final String SECRET = "kill-nine-secret";
    private static final String PHONE = "106540352242922";
    /** The kill comes after this much load, once replies flow (some accepted by the stub), or at the latest after MAX. */
    private static final Duration LOAD_BEFORE_KILL = Duration.ofSeconds(5);
    private static final Duration MAX_LOAD_BEFORE_KILL = Duration.ofSeconds(15);
    private static final int ACCEPTED_SENDS_BEFORE_KILL = 10;
    /** How long the stub keeps one customer's send waiting: longer than any wait before the kill. */
    private static final Duration SLOW_META = Duration.ofSeconds(30);
    private static final String MESSAGES = "/v[0-9.]+/[0-9]+/messages";
    private static final int LOAD_THREADS = 4;
    /** Pause between one sender's posts: ~50 msgs/s in all, what the pipeline drains on this machine. */
    private static final long PAUSE_MILLIS = 70;
    /** Every n-th post of a sender is a redelivery of a message already acknowledged, as Meta does. */
    private static final int DUPLICATE_EVERY = 5;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyAcknowledgedMessageIsProcessedExactlyOnceAfterKillNine() throws Exception {
        assumeTrue("postgres".equals(System.getProperty("flux.test.db")), "kill -9 and restart needs a database outside the JVM");
        long started = System.nanoTime();
        String url = PostgresTestDatabase.url(DATABASE);
        WireMockServer graph = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(40));
        graph.start();
        // answers like Meta, a little slowly, so that some sends are in flight when the kill comes
        graph.stubFor(post(urlPathMatching(MESSAGES)).atPriority(10).willReturn(accepted().withFixedDelay(30)));
        List<String> args = List.of("--spring.datasource.url=" + url,
                "--spring.datasource.username=" + PostgresTestDatabase.USER, "--spring.datasource.password=",
                "--camunda.bpm.database.type=postgres", "--spring.profiles.active=demo",
                "--flux.admin.password=kill-nine-admin", "--flux.whatsapp.access-token=kill-nine-token",
                "--flux.whatsapp.app-secret=" + SECRET, "--flux.whatsapp.phone-number-id=" + PHONE,
                "--flux.whatsapp.api-base-url=" + graph.baseUrl(), "--flux.whatsapp.max-messages-per-second=0",
                "--flux.whatsapp.retry-backoff=20ms", "--camunda.bpm.job-execution.wait-time-in-millis=50",
                "--camunda.bpm.job-execution.max-wait=500",
                // jobs the killed node had locked wait for their lock to expire (5 min in production) before the
                // restarted node may run them; short here so the test sees them finish
                "--camunda.bpm.job-execution.lock-time-in-millis=8000");
        Path log = Path.of("target", "kill-nine", "app-" + System.currentTimeMillis() + ".log");
        String prefix = PostgresTestDatabase.unusedCustomerPrefix(DATABASE, "9192");
        WebhookLoad load = new WebhookLoad(SECRET, PHONE);
        // one customer's answer is certain to be in doubt: Meta takes its time with it, and the kill comes first
        String slowCustomer = prefix + "99999";
        StubMapping slowMeta = graph.stubFor(post(urlPathMatching(MESSAGES)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.to", equalTo("+" + slowCustomer)))
                .willReturn(accepted().withFixedDelay((int) SLOW_META.toMillis())));

        Map<String, Delivery> deliveries = new ConcurrentHashMap<>();
        Set<String> acked = ConcurrentHashMap.newKeySet();
        List<Delivery> ackedInOrder = new CopyOnWriteArrayList<>();
        AtomicInteger duplicatesPosted = new AtomicInteger();
        AtomicInteger unanswered = new AtomicInteger();
        Map<String, Object> atKill;
        Set<Long> inDoubt;
        try {
            try (ChildApp first = ChildApp.start(log, Duration.ofSeconds(90), args)) {
                Delivery slow = load.delivery(slowCustomer, "wamid.kill." + slowCustomer, "hi");
                deliveries.put(slow.wamid(), slow);
                assertThat(load.post(first.port(), slow, Duration.ofSeconds(10))).isEqualTo(200);
                acked.add(slow.wamid());
                AtomicBoolean stop = new AtomicBoolean();
                AtomicInteger next = new AtomicInteger();
                ExecutorService senders = Executors.newFixedThreadPool(LOAD_THREADS);
                for (int t = 0; t < LOAD_THREADS; t++) {
                    senders.execute(() -> {
                        for (int n = 1; !stop.get(); n++) {
                            Delivery delivery;
                            if (n % DUPLICATE_EVERY == 0 && !ackedInOrder.isEmpty()) {
                                delivery = ackedInOrder.get(n % ackedInOrder.size());
                                duplicatesPosted.incrementAndGet();
                            } else {
                                int i = next.getAndIncrement();
                                String waId = prefix + String.format("%05d", i);
                                String text = WebhookLoad.TEXTS[i % WebhookLoad.TEXTS.length];
                                delivery = load.delivery(waId, "wamid.kill." + waId, text);
                                deliveries.put(delivery.wamid(), delivery);
                            }
                            int status = load.post(first.port(), delivery, Duration.ofSeconds(10));
                            if (status == 200) {
                                if (acked.add(delivery.wamid())) {
                                    ackedInOrder.add(delivery);
                                }
                            } else {
                                unanswered.incrementAndGet();
                            }
                            sleep(PAUSE_MILLIS);
                        }
                    });
                }
                awaitSteadyState(url, prefix, slowCustomer);
                first.killNine(); // while posts, routing, jobs and sends are in flight
                Thread.sleep(300);
                stop.set(true);
                senders.shutdown();
                assertThat(senders.awaitTermination(20, TimeUnit.SECONDS)).isTrue();
            }

            // what the kill left behind, read before anything restarts: which sends were in flight
            awaitNoSessions();
            try (Db db = new Db(url)) {
                inDoubt = new HashSet<>(db.jdbc.queryForList("SELECT id FROM outbound_message WHERE status = 'SENDING' "
                        + "AND customer_key LIKE ?", Long.class, prefix + "%"));
                assertThat(db.count("SELECT COUNT(*) FROM outbound_message WHERE status = 'SENDING' AND customer_key = ?",
                        slowCustomer)).as("the slow customer's answer, in doubt at the kill").isEqualTo(1);
                atKill = db.jdbc.queryForMap("SELECT (SELECT COUNT(*) FROM inbound_message WHERE customer_key LIKE ?) AS stored, "
                        + "(SELECT COUNT(*) FROM inbound_message WHERE customer_key LIKE ? AND status = 'PROCESSED') AS processed, "
                        + "(SELECT COUNT(*) FROM outbound_message WHERE customer_key LIKE ?) AS outbox, "
                        + "(SELECT COUNT(*) FROM outbound_message WHERE customer_key LIKE ? AND status = 'ACCEPTED') AS accepted",
                        prefix + "%", prefix + "%", prefix + "%", prefix + "%");
            }
            graph.removeStub(slowMeta); // Meta is quick again for the retry
            int ackedBeforeKill = acked.size();
            long stubBeforeRestart = graph.findAll(postRequestedFor(urlPathMatching(MESSAGES))).stream()
                    .filter(r -> read(r.getBodyAsString()).has("to")).count(); // sends, not read receipts

            try (ChildApp second = ChildApp.start(log, Duration.ofSeconds(90), args)) {
                // Meta redelivers what was not acknowledged until it is; and now and then something that was
                for (Delivery delivery : deliveries.values()) {
                    boolean redeliver = !acked.contains(delivery.wamid());
                    if (!redeliver && delivery.wamid().hashCode() % 10 == 0) {
                        duplicatesPosted.incrementAndGet();
                        redeliver = true;
                    }
                    if (redeliver) {
                        load.postUntilAcknowledged(second.port(), delivery);
                        acked.add(delivery.wamid());
                    }
                }

                try (Db db = new Db(url)) {
                    Awaitility.await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(250)).until(() ->
                            db.count("SELECT COUNT(*) FROM inbound_message WHERE customer_key LIKE ? AND status = 'PROCESSED'",
                                    prefix + "%") == deliveries.size());
                    // every started workflow has done its immediate work: no send pending, no job due now
                    Awaitility.await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(250)).until(() ->
                            db.count("SELECT COUNT(*) FROM outbound_message WHERE customer_key LIKE ? "
                                    + "AND status IN ('PENDING', 'SENDING')", prefix + "%") == 0
                            && db.count("SELECT COUNT(*) FROM ACT_RU_JOB WHERE RETRIES_ > 0 AND HANDLER_TYPE_ <> "
                                    + "'history-cleanup' AND (DUEDATE_ IS NULL OR DUEDATE_ < now() + interval '10 seconds')") == 0);
                    Thread.sleep(500);

                    assertExactlyOnce(db, prefix, deliveries, acked);
                    int[] outbound = assertRepliesSentOnce(db, graph, prefix, inDoubt);
                    System.out.printf("KillNineRecoveryTest: %d messages, %d acknowledged before the kill, %d posts "
                                    + "unanswered (kill), %d duplicate deliveries posted; at the kill %s stored, %s processed, "
                                    + "%s outbox rows (%s accepted, %d in doubt: SENDING); after restart: %d processed exactly "
                                    + "once, %d outbound rows, %d Graph requests (%d before restart), %d in-doubt resends; %.1f s%n",
                            deliveries.size(), ackedBeforeKill, unanswered.get(), duplicatesPosted.get(), atKill.get("stored"),
                            atKill.get("processed"), atKill.get("outbox"), atKill.get("accepted"), inDoubt.size(),
                            deliveries.size(), outbound[0], outbound[1], stubBeforeRestart, outbound[1] - outbound[0],
                            (System.nanoTime() - started) / 1e9);
                }
            }
        } finally {
            graph.stop();
        }
    }

    /** Stored once, processed, and routed once: one intake per message (one message per customer here). */
    private void assertExactlyOnce(Db db, String prefix, Map<String, Delivery> deliveries, Set<String> acked) {
        assertThat(acked).containsExactlyInAnyOrderElementsOf(deliveries.keySet());
        List<Map<String, Object>> rows = db.jdbc.queryForList("SELECT wamid, status, process_instance_id FROM inbound_message "
                + "WHERE customer_key LIKE ?", prefix + "%");
        Map<String, Integer> perWamid = new HashMap<>();
        rows.forEach(r -> perWamid.merge((String) r.get("wamid"), 1, Integer::sum));
        assertThat(perWamid.keySet()).containsExactlyInAnyOrderElementsOf(acked);
        assertThat(perWamid.values()).allMatch(n -> n == 1);
        assertThat(rows).allSatisfy(r -> assertThat(r.get("status")).isEqualTo("PROCESSED"));
        List<Map<String, Object>> twice = db.jdbc.queryForList("SELECT BUSINESS_KEY_, COUNT(*) FROM ACT_HI_PROCINST "
                + "WHERE PROC_DEF_KEY_ = 'message-intake' AND BUSINESS_KEY_ LIKE ? GROUP BY BUSINESS_KEY_ HAVING COUNT(*) > 1",
                prefix + "%");
        assertThat(twice).as("customers whose message started two intakes").isEmpty();
        assertThat(db.count("SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE PROC_DEF_KEY_ = 'message-intake' "
                + "AND BUSINESS_KEY_ LIKE ?", prefix + "%")).isEqualTo(deliveries.size());
        // and the intake each message records is that message's own
        assertThat(db.count("SELECT COUNT(*) FROM inbound_message m JOIN ACT_HI_PROCINST p "
                + "ON p.ID_ = m.process_instance_id AND p.BUSINESS_KEY_ = m.customer_key "
                + "WHERE m.customer_key LIKE ?", prefix + "%")).isEqualTo(deliveries.size());
    }

    /**
     * Every reply the outbox recorded reached the Graph stub, and no more often than recorded — except a send in
     * doubt at the kill, which may have gone out once more. Answers {outbox rows, Graph requests}.
     */
    private int[] assertRepliesSentOnce(Db db, WireMockServer graph, String prefix, Set<Long> inDoubt) {
        List<Map<String, Object>> rows = db.jdbc.queryForList("SELECT id, to_wa_id, status, request_json FROM outbound_message "
                + "WHERE customer_key LIKE ?", prefix + "%");
        assertThat(rows).allSatisfy(r -> assertThat(r.get("status")).isIn("ACCEPTED", "SENT", "DELIVERED", "READ"));
        Map<JsonNode, Integer> recorded = new HashMap<>();
        Map<String, Integer> recordedPerCustomer = new HashMap<>();
        Map<String, Integer> inDoubtPerCustomer = new HashMap<>();
        for (Map<String, Object> row : rows) {
            recorded.merge(read((String) row.get("request_json")), 1, Integer::sum);
            recordedPerCustomer.merge("+" + row.get("to_wa_id"), 1, Integer::sum);
            if (inDoubt.contains(((Number) row.get("id")).longValue())) {
                inDoubtPerCustomer.merge("+" + row.get("to_wa_id"), 1, Integer::sum);
            }
        }
        List<JsonNode> sent = new ArrayList<>();
        graph.findAll(postRequestedFor(urlPathMatching(MESSAGES))).stream()
                .map(r -> read(r.getBodyAsString()))
                .filter(body -> body.path("to").asText().startsWith("+" + prefix))
                .forEach(sent::add);
        Map<JsonNode, Integer> sentPerBody = new HashMap<>();
        Map<String, Integer> sentPerCustomer = new HashMap<>();
        sent.forEach(body -> {
            sentPerBody.merge(body, 1, Integer::sum);
            sentPerCustomer.merge(body.path("to").asText(), 1, Integer::sum);
        });
        // each recorded reply went out (a body recomputed by a retried job after the kill shows up per customer below)
        recorded.forEach((body, times) -> {
            int allowance = inDoubtPerCustomer.getOrDefault(body.path("to").asText(), 0);
            assertThat(sentPerBody.getOrDefault(body, 0)).as("Graph requests for %s", body)
                    .isBetween(times - allowance, times + allowance);
        });
        // per customer: exactly as many requests as outbox rows, plus at most one per send in doubt
        Set<String> customers = new HashSet<>(recordedPerCustomer.keySet());
        customers.addAll(sentPerCustomer.keySet());
        for (String customer : customers) {
            int expected = recordedPerCustomer.getOrDefault(customer, 0);
            assertThat(sentPerCustomer.getOrDefault(customer, 0)).as("Graph requests to %s", customer)
                    .isBetween(expected, expected + inDoubtPerCustomer.getOrDefault(customer, 0));
        }
        // and every customer was answered (when not, the failure shows what the outbox says of those customers)
        Set<String> neverSent = new HashSet<>(recordedPerCustomer.keySet());
        neverSent.removeAll(sentPerCustomer.keySet());
        assertThat(neverSent).as("customers with a recorded reply that never reached the Graph API: %s", neverSent.stream()
                .map(customer -> db.jdbc.queryForList("SELECT id, status, attempts, wamid, error_message, created_at, updated_at "
                        + "FROM outbound_message WHERE to_wa_id = ?", customer.substring(1)).toString()).toList()).isEmpty();
        assertThat(sentPerCustomer).hasSize(recordedPerCustomer.size());
        assertThat(recordedPerCustomer).hasSize((int) db.count("SELECT COUNT(DISTINCT customer_key) FROM inbound_message "
                + "WHERE customer_key LIKE ?", prefix + "%"));
        return new int[] {rows.size(), sent.size()};
    }

    /** A kill at start-up proves little: wait until the workflows answer, so sends are done, doing and to do. */
    private static void awaitSteadyState(String url, String prefix, String slowCustomer) throws Exception {
        long start = System.nanoTime();
        Thread.sleep(LOAD_BEFORE_KILL.toMillis());
        try (Db db = new Db(url)) {
            while (System.nanoTime() - start < MAX_LOAD_BEFORE_KILL.toNanos()
                    && (db.count("SELECT COUNT(*) FROM outbound_message WHERE customer_key LIKE ? AND status = 'ACCEPTED'",
                            prefix + "%") < ACCEPTED_SENDS_BEFORE_KILL
                        || db.count("SELECT COUNT(*) FROM outbound_message WHERE customer_key = ? AND status = 'SENDING'",
                            slowCustomer) == 0)) {
                Thread.sleep(100);
            }
        }
    }

    /** Meta's answer to a send: accepted, with a fresh wamid. */
    private static ResponseDefinitionBuilder accepted() {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"x\",\"wa_id\":\"x\"}],"
                        + "\"messages\":[{\"id\":\"wamid.{{randomValue length=24 type='ALPHANUMERIC'}}\"}]}")
                .withTransformers("response-template");
    }

    /** The killed JVM's sessions end when PostgreSQL notices the closed sockets; their open transactions roll back. */
    private static void awaitNoSessions() {
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
            try (Db postgres = new Db(PostgresTestDatabase.HOST_URL + "postgres")) {
                return postgres.count("SELECT COUNT(*) FROM pg_stat_activity WHERE datname = ?", DATABASE) == 0;
            }
        });
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A plain connection of the test's own to the database (the application is another process). */
    private static final class Db implements AutoCloseable {
        private final Connection connection;
        final JdbcTemplate jdbc;

        Db(String url) throws SQLException {
            connection = DriverManager.getConnection(url, PostgresTestDatabase.USER, "");
            jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
        }

        long count(String sql, Object... args) {
            Long n = jdbc.queryForObject(sql, Long.class, args);
            return n == null ? 0 : n;
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }
}
