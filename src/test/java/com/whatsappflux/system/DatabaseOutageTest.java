package com.whatsappflux.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.whatsappflux.testing.PostgresTestDatabase;
import com.whatsappflux.testing.StandaloneApp;
import com.whatsappflux.testing.TcpProxy;
import com.whatsappflux.testing.WebhookLoad;
import com.whatsappflux.testing.WebhookLoad.Delivery;

/**
 * PostgreSQL gone for {@value #OUTAGE_SECONDS} s under webhook load. The real server stays up for everybody else;
 * a {@link TcpProxy} between the application and it cuts every connection and refuses new ones, which is what
 * the application sees of a stopped server. While it is gone the webhook answers 503 quickly (Meta retries) and
 * acknowledges nothing it could not store; afterwards, without a restart, deliveries are acknowledged again, the
 * inbox dispatcher and the job executor carry on, and every message — acknowledged before, during or after, or
 * redelivered after a 503 as Meta does — is stored, routed and answered exactly once.
 *
 * <p>PostgreSQL only: the embedded H2 database cannot be taken away from the application.
 */
@Tag("integration")
class DatabaseOutageTest {

    static final int OUTAGE_SECONDS = 20;
    private static final String DATABASE = "flux_test_outage";
    private static final String SECRET = "outage-secret";
    private static final String PHONE = "106540352242922";
    private static final Duration LOAD_BEFORE = Duration.ofSeconds(2);
    private static final Duration LOAD_AFTER = Duration.ofSeconds(3);
    private static final int LOAD_THREADS = 4;
    private static final long PAUSE_MILLIS = 70;
    /** Meta's webhook timeout is not published (BSPs quote 5–20 s); a 503 must come well before any of them. */
    private static final Duration MAX_ANSWER_DURING_OUTAGE = Duration.ofSeconds(4);
    private static final Duration MAX_TIME_TO_RECOVER = Duration.ofSeconds(10);

    private record Post(String wamid, int status, long startNanos, long endNanos) {
        double millis() {
            return (endNanos - startNanos) / 1e6;
        }
    }

    @Test
    void webhookAnswers503WhileTheDatabaseIsGoneAndEverythingRecoversWithoutARestart() throws Exception {
        assumeTrue("postgres".equals(System.getProperty("flux.test.db")), "the outage is staged in front of PostgreSQL");
        long started = System.nanoTime();
        PostgresTestDatabase.ensureExists(DATABASE);
        URI server = URI.create(PostgresTestDatabase.HOST_URL.substring("jdbc:".length()));
        String prefix = PostgresTestDatabase.unusedCustomerPrefix(DATABASE, "9191");
        WebhookLoad load = new WebhookLoad(SECRET, PHONE);

        try (TcpProxy proxy = TcpProxy.to(server.getHost(), server.getPort());
             StandaloneApp app = StandaloneApp.run("--server.port=0",
                     "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + DATABASE,
                     "--spring.datasource.username=" + PostgresTestDatabase.USER, "--spring.datasource.password=",
                     "--camunda.bpm.database.type=postgres", "--flux.whatsapp.access-token=",
                     "--flux.whatsapp.app-secret=" + SECRET, "--flux.whatsapp.phone-number-id=" + PHONE,
                     "--camunda.bpm.job-execution.wait-time-in-millis=50",
                     // a job cut off mid-transaction stays locked until its lock expires (5 min in production)
                     "--camunda.bpm.job-execution.lock-time-in-millis=8000")) {
            int port = ((WebServerApplicationContext) app.context()).getWebServer().getPort();
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);

            Map<String, Delivery> deliveries = new ConcurrentHashMap<>();
            Set<String> acked = ConcurrentHashMap.newKeySet();
            List<Post> posts = new CopyOnWriteArrayList<>();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger next = new AtomicInteger();
            ExecutorService senders = Executors.newFixedThreadPool(LOAD_THREADS);
            for (int t = 0; t < LOAD_THREADS; t++) {
                senders.execute(() -> {
                    while (!stop.get()) {
                        int i = next.getAndIncrement();
                        String waId = prefix + String.format("%05d", i);
                        Delivery delivery = load.delivery(waId, "wamid.outage." + waId,
                                WebhookLoad.TEXTS[i % WebhookLoad.TEXTS.length]);
                        deliveries.put(delivery.wamid(), delivery);
                        long start = System.nanoTime();
                        int status = load.post(port, delivery, Duration.ofSeconds(60));
                        posts.add(new Post(delivery.wamid(), status, start, System.nanoTime()));
                        if (status == 200) {
                            acked.add(delivery.wamid());
                        }
                        sleep(PAUSE_MILLIS);
                    }
                });
            }
            Thread.sleep(LOAD_BEFORE.toMillis());
            proxy.cut();
            // after cut() returns: a request that began a moment before could still see its COMMIT answered
            long cutAt = System.nanoTime();
            Thread.sleep(OUTAGE_SECONDS * 1000L);
            long healAt = System.nanoTime();
            proxy.heal();
            Thread.sleep(LOAD_AFTER.toMillis());
            stop.set(true);
            senders.shutdown();
            assertThat(senders.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

            // during the outage: nothing acknowledged, every answer a quick 503
            List<Post> duringOutage = posts.stream().filter(p -> p.startNanos() > cutAt && p.endNanos() < healAt).toList();
            assertThat(duringOutage).hasSizeGreaterThan(10);
            assertThat(duringOutage).allSatisfy(p -> assertThat(p.status()).as("answer during the outage").isEqualTo(503));
            double slowest = duringOutage.stream().mapToDouble(Post::millis).max().orElseThrow();
            assertThat(slowest).as("slowest answer during the outage, ms").isLessThan(MAX_ANSWER_DURING_OUTAGE.toMillis());
            // and after it, acknowledgements again, by themselves
            Post firstAfter = posts.stream().filter(p -> p.startNanos() > healAt && p.status() == 200)
                    .min(Comparator.comparingLong(Post::endNanos)).orElseThrow(() -> new AssertionError("no 200 after the outage"));
            double recoverySeconds = (firstAfter.endNanos() - healAt) / 1e9;
            assertThat(recoverySeconds).isLessThan(MAX_TIME_TO_RECOVER.toSeconds());
            long ackedAfterHeal = posts.stream().filter(p -> p.startNanos() > healAt && p.status() == 200).count();

            // Meta redelivers everything that did not get a 200
            List<String> redelivered = new ArrayList<>();
            for (Delivery delivery : deliveries.values()) {
                if (!acked.contains(delivery.wamid())) {
                    load.postUntilAcknowledged(port, delivery);
                    acked.add(delivery.wamid());
                    redelivered.add(delivery.wamid());
                }
            }

            String customers = prefix + "%";
            Awaitility.await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(250)).until(() ->
                    count(jdbc, "SELECT COUNT(*) FROM inbound_message WHERE customer_key LIKE ? AND status <> 'RECEIVED'",
                            customers) == deliveries.size());
            long processedAt = System.nanoTime();
            // every workflow started did its immediate work: the job executor is back too
            Awaitility.await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(250)).until(() ->
                    count(jdbc, "SELECT COUNT(*) FROM outbound_message WHERE customer_key LIKE ? "
                            + "AND status IN ('PENDING', 'SENDING')", customers) == 0
                    && count(jdbc, "SELECT COUNT(*) FROM ACT_RU_JOB WHERE RETRIES_ > 0 AND HANDLER_TYPE_ <> 'history-cleanup' "
                            + "AND (DUEDATE_ IS NULL OR DUEDATE_ < CURRENT_TIMESTAMP + interval '10 seconds')") == 0);

            List<Map<String, Object>> rows = jdbc.queryForList("SELECT wamid, status FROM inbound_message "
                    + "WHERE customer_key LIKE ?", customers);
            Map<String, Integer> perWamid = new HashMap<>();
            rows.forEach(r -> perWamid.merge((String) r.get("wamid"), 1, Integer::sum));
            assertThat(perWamid.keySet()).containsExactlyInAnyOrderElementsOf(deliveries.keySet());
            assertThat(perWamid.values()).allMatch(n -> n == 1);
            assertThat(rows).allSatisfy(r -> assertThat(r.get("status")).isEqualTo("PROCESSED"));
            assertThat(jdbc.queryForList("SELECT BUSINESS_KEY_ FROM ACT_HI_PROCINST WHERE PROC_DEF_KEY_ = 'message-intake' "
                    + "AND BUSINESS_KEY_ LIKE ? GROUP BY BUSINESS_KEY_ HAVING COUNT(*) > 1", String.class, customers))
                    .as("customers whose message started two intakes").isEmpty();
            assertThat(count(jdbc, "SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE PROC_DEF_KEY_ = 'message-intake' "
                    + "AND BUSINESS_KEY_ LIKE ?", customers)).isEqualTo(deliveries.size());
            // answered: every customer got a reply, none the same one twice
            long answered = count(jdbc, "SELECT COUNT(DISTINCT customer_key) FROM outbound_message WHERE customer_key LIKE ?",
                    customers);
            assertThat(answered).isEqualTo(deliveries.size());
            assertThat(count(jdbc, "SELECT COUNT(*) FROM outbound_message WHERE customer_key LIKE ? AND status <> 'ACCEPTED'",
                    customers)).isZero();

            List<Double> outageMillis = duringOutage.stream().map(Post::millis).sorted().toList();
            System.out.printf("DatabaseOutageTest: %d messages; %d s outage: %d posts answered 503 (p50 %.0f ms, max %.0f ms), "
                            + "0 acknowledged; first 200 %.2f s after the database came back, %d acknowledged after it; "
                            + "%d redelivered after a non-200; all %d processed exactly once %.1f s after the heal, "
                            + "%d customers answered; %.1f s%n",
                    deliveries.size(), OUTAGE_SECONDS, duringOutage.size(), outageMillis.get(outageMillis.size() / 2),
                    slowest, recoverySeconds, ackedAfterHeal, redelivered.size(), deliveries.size(),
                    (processedAt - healAt) / 1e9, answered, (System.nanoTime() - started) / 1e9);
        }
    }

    private static long count(JdbcTemplate jdbc, String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
