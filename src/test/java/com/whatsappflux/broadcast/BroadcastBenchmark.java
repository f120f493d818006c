package com.whatsappflux.broadcast;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.github.tomakehurst.wiremock.WireMockServer;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import com.whatsappflux.FluxApplication;
import com.whatsappflux.system.Database;
import com.whatsappflux.whatsapp.ThroughputLimiter;

/**
 * A 10,000-recipient campaign against an in-process Graph stub (WireMock, answering like Meta after a
 * fixed latency), first at the default cap (80 msg/s) and then with the cap lifted. Prints wall time,
 * achieved msg/s vs the cap, heap and duplicate sends as a table. Not a test: run it by hand with
 * <pre>
 * mvn -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=com.whatsappflux.broadcast.BroadcastBenchmark [-Dexec.args="10000 100"]
 * </pre>
 * (arguments: recipients, Graph latency in ms; a PostgreSQL URL as third argument replaces in-memory H2).
 */
public final class BroadcastBenchmark {

    private BroadcastBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int recipients = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int latencyMs = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        String jdbcUrl = args.length > 2 ? args[2] : "jdbc:h2:mem:flux-bench;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";

        WireMockServer graph = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(64)
                .disableRequestJournal());
        graph.start();
        graph.stubFor(post(urlPathMatching("/v[0-9.]+/[0-9]+/messages")).willReturn(aResponse().withStatus(200)
                .withFixedDelay(latencyMs).withHeader("Content-Type", "application/json")
                .withBody("{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"x\",\"wa_id\":\"x\"}],"
                        + "\"messages\":[{\"id\":\"wamid.{{randomValue length=24 type='ALPHANUMERIC'}}\"}]}")
                .withTransformers("response-template")));

        ConfigurableApplicationContext app = SpringApplication.run(FluxApplication.class,
                "--spring.profiles.active=benchmark",
                "--spring.datasource.url=" + jdbcUrl,
                "--server.port=0",
                "--flux.admin.user=admin", "--flux.admin.password=benchmark-admin",
                "--flux.whatsapp.access-token=benchmark-token",
                "--flux.whatsapp.api-base-url=" + graph.baseUrl(),
                "--flux.whatsapp.max-messages-per-second=80",
                "--camunda.bpm.job-execution.wait-time-in-millis=50",
                "--camunda.bpm.job-execution.max-wait=200",
                "--logging.level.root=WARN");
        try {
            Database db = app.getBean(Database.class);
            seedContacts(db, recipients);
            CampaignService campaigns = app.getBean(CampaignService.class);
            ThroughputLimiter limiter = app.getBean(ThroughputLimiter.class);
            BroadcastSettings settings = app.getBean(BroadcastSettings.class);
            List<String[]> rows = new ArrayList<>();
            rows.add(run("cap 80 msg/s", 80, campaigns, db, recipients, settings));
            limiter.setRate(0);
            rows.add(run("cap lifted", 0, campaigns, db, recipients, settings));
            print(recipients, latencyMs, settings, jdbcUrl, rows);
        } finally {
            app.close();
            graph.stop();
        }
        System.exit(0);
    }

    private static String[] run(String label, int cap, CampaignService campaigns, Database db, int recipients,
                                BroadcastSettings settings) throws InterruptedException {
        System.gc();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long heapBefore = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(heapBefore);
        long start = System.nanoTime();
        CampaignRequest request = new CampaignRequest("Benchmark " + label,
                new CampaignRequest.Template("benchmark_offer", "en", List.of("20%"), List.of("INTERESTED", "STOP")),
                new CampaignRequest.Audience(List.of("benchmark"), List.of(), null), null, null, null, null, null, null);
        long id = ((Number) campaigns.create(request, "benchmark").get("id")).longValue();
        long prepared = 0;
        while (true) {
            Map<String, Object> c = db.jdbc().queryForMap("SELECT COUNT(*) AS n, "
                    + "SUM(CASE WHEN status = 'PENDING' THEN 1 ELSE 0 END) AS pending FROM campaign_recipient WHERE campaign_id = ?", id);
            long n = ((Number) c.get("n")).longValue();
            long pending = c.get("pending") == null ? 0 : ((Number) c.get("pending")).longValue();
            if (prepared == 0 && n > 0) {
                prepared = System.nanoTime();
            }
            peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
            if (n == recipients && pending == 0) {
                break;
            }
            Thread.sleep(100);
        }
        long end = System.nanoTime();
        String instance = db.jdbc().queryForObject("SELECT process_instance_id FROM campaign WHERE id = ?", String.class, id);
        while (db.jdbc().queryForObject("SELECT COUNT(*) FROM ACT_RU_JOB WHERE PROCESS_INSTANCE_ID_ = ? AND TYPE_ = 'timer'",
                Integer.class, instance) == 0) {
            Thread.sleep(50); // the last batch job commits: the instance now waits for the re-engagement delay
        }
        Timestamp first = db.jdbc().queryForObject("SELECT MIN(sent_at) FROM campaign_recipient WHERE campaign_id = ?",
                Timestamp.class, id);
        Timestamp last = db.jdbc().queryForObject("SELECT MAX(sent_at) FROM campaign_recipient WHERE campaign_id = ?",
                Timestamp.class, id);
        Integer sentCount = db.jdbc().queryForObject("SELECT COUNT(*) FROM campaign_recipient WHERE campaign_id = ? "
                + "AND status = 'SENT'", Integer.class, id);
        long sent = sentCount == null ? 0 : sentCount;
        double sendSeconds = Math.max(0.001, (last.getTime() - first.getTime()) / 1000.0);
        Integer resent = db.jdbc().queryForObject("SELECT COUNT(*) FROM outbound_message WHERE business_key = ? AND attempts > 1",
                Integer.class, "campaign-" + id);
        Integer batches = db.jdbc().queryForObject("SELECT COUNT(*) FROM ACT_HI_ACTINST WHERE ACT_ID_ = 'serviceTask_sendNextBatch' "
                + "AND PROC_INST_ID_ = ?", Integer.class, instance);
        System.gc();
        long heapAfter = memory.getHeapMemoryUsage().getUsed();
        double wall = (end - start) / 1e9;
        double rate = sent / sendSeconds;
        return new String[] {label, String.valueOf(sent), String.format("%.1f", wall),
                String.format("%.1f", (prepared - start) / 1e9), String.format("%.1f", sendSeconds),
                String.format("%.1f", rate), cap == 0 ? "-" : String.format("%.0f%%", 100 * rate / cap),
                String.valueOf(batches), String.valueOf(resent), mb(peak.get()), mb(heapAfter)};
    }

    /** 10,000 opted-in contacts tagged "benchmark" (plain SQL: seeding is not what is measured). */
    private static void seedContacts(Database db, int n) {
        Timestamp now = new Timestamp(System.currentTimeMillis());
        List<Object[]> contacts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String waId = String.format("9170%08d", i);
            contacts.add(new Object[] {waId, waId, "Bench " + i, now, now, now});
        }
        db.jdbc().batchUpdate("INSERT INTO contact (customer_key, wa_id, name, first_seen_at, created_at, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", contacts);
        db.jdbc().update("INSERT INTO contact_tag (contact_id, tag, tagged_at) SELECT id, 'benchmark', ? FROM contact "
                + "WHERE customer_key LIKE '9170%'", now);
    }

    private static void print(int recipients, int latencyMs, BroadcastSettings settings, String url, List<String[]> rows) {
        String[] header = {"run", "sent", "wall s", "prep s", "send s", "msg/s", "of cap", "batches", "re-sent",
                "peak heap MB", "heap after GC MB"};
        System.out.printf("%nBroadcast benchmark: %d recipients, Graph stub latency %d ms, batch %d, %d sends in flight, "
                + "%s, %d cores, max heap %s MB%n", recipients, latencyMs, settings.getBatchSize(),
                settings.getSendConcurrency(), url.startsWith("jdbc:h2") ? "H2 in-memory" : url,
                Runtime.getRuntime().availableProcessors(), mb(Runtime.getRuntime().maxMemory()));
        List<String[]> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        int[] width = new int[header.length];
        for (String[] r : all) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        for (int k = 0; k < all.size(); k++) {
            StringBuilder line = new StringBuilder("| ");
            for (int i = 0; i < header.length; i++) {
                line.append(String.format("%-" + width[i] + "s | ", all.get(k)[i]));
            }
            System.out.println(line.toString().trim());
            if (k == 0) {
                StringBuilder sep = new StringBuilder("|");
                for (int w : width) {
                    sep.append("-".repeat(w + 2)).append("|");
                }
                System.out.println(sep);
            }
        }
    }

    private static String mb(long bytes) {
        return String.valueOf(bytes / (1024 * 1024));
    }

}
