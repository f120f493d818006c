package com.whatsappflux.bench;

import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Does autovacuum's work when the PostgreSQL under the benchmark has it switched off (the CI machines here run
 * with {@code autovacuum = off}). Without it the job, variable and execution tables fill with dead rows and keep
 * the statistics of an empty database, and PostgreSQL plans Camunda's lookups for a table it no longer has —
 * measured: loading one execution's variables took 5 ms instead of 0.3 ms. A production PostgreSQL runs autovacuum,
 * so a benchmark without it would measure a database nobody runs.
 * <p>
 * It applies autovacuum's default thresholds (vacuum after 50 + 20 % of the rows died, analyze after 50 + 10 %
 * changed) and its pace (2 ms cost delay) every {@code naptimeSeconds}, table by table, like the autovacuum launcher.
 */
final class AutovacuumStandIn implements AutoCloseable {

    private final JdbcTemplate jdbc;
    private final int naptimeSeconds;
    private final AtomicInteger vacuums = new AtomicInteger();
    /** When each VACUUM / ANALYZE ran (System.nanoTime start and end), so a latency sample can be set beside them. */
    private final java.util.concurrent.ConcurrentLinkedQueue<long[]> runs = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private volatile long currentStart;
    private final Thread thread;
    private volatile boolean running = true;

    private AutovacuumStandIn(JdbcTemplate jdbc, int naptimeSeconds) {
        this.jdbc = jdbc;
        this.naptimeSeconds = naptimeSeconds;
        this.thread = new Thread(this::loop, "autovacuum-stand-in");
        thread.setDaemon(true);
    }

    /** Starts the stand-in if the server's autovacuum is off; returns null (nothing to do) when it is on. */
    static AutovacuumStandIn startIfNeeded(JdbcTemplate jdbc, int naptimeSeconds) {
        if ("on".equals(jdbc.queryForObject("SHOW autovacuum", String.class))) {
            return null;
        }
        AutovacuumStandIn standIn = new AutovacuumStandIn(jdbc, naptimeSeconds);
        standIn.thread.start();
        return standIn;
    }

    int vacuums() {
        return vacuums.get();
    }

    /** Whether a VACUUM or ANALYZE ran during any part of [startNanos, endNanos]. */
    boolean ranDuring(long startNanos, long endNanos) {
        long current = currentStart;
        if (current != 0 && current <= endNanos) {
            return true;
        }
        for (long[] run : runs) {
            if (run[0] <= endNanos && run[1] >= startNanos) {
                return true;
            }
        }
        return false;
    }

    private void loop() {
        while (running) {
            try {
                Thread.sleep(naptimeSeconds * 1000L);
                jdbc.execute((ConnectionCallback<Void>) connection -> {
                    try (Statement statement = connection.createStatement()) {
                        // autovacuum's own pace (autovacuum_vacuum_cost_delay = 2 ms); a plain VACUUM runs unthrottled
                        // and would take the machine from the workload in bursts no autovacuum causes
                        statement.execute("SET vacuum_cost_delay = '2ms'");
                        try {
                            for (Due table : tablesDue()) {
                                long start = System.nanoTime();
                                currentStart = start;
                                statement.execute((table.vacuum() ? "VACUUM (ANALYZE, SKIP_LOCKED) " : "ANALYZE (SKIP_LOCKED) ")
                                        + table.name());
                                runs.add(new long[] {start, System.nanoTime()});
                                currentStart = 0;
                                vacuums.incrementAndGet();
                            }
                        } finally {
                            statement.execute("RESET vacuum_cost_delay");
                        }
                    }
                    return null;
                });
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // the benchmark goes on; the next round tries again
            }
        }
    }

    private record Due(String name, boolean vacuum) {
    }

    /** Autovacuum vacuums (and analyzes) past the vacuum threshold, and only analyzes past the analyze threshold. */
    private List<Due> tablesDue() {
        return jdbc.query("""
                SELECT quote_ident(s.schemaname) || '.' || quote_ident(s.relname) AS name,
                       s.n_dead_tup > 50 + 0.2 * GREATEST(c.reltuples, 0) AS vacuum
                  FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
                 WHERE s.n_dead_tup > 50 + 0.2 * GREATEST(c.reltuples, 0)
                    OR s.n_mod_since_analyze > 50 + 0.1 * GREATEST(c.reltuples, 0)""",
                (rs, row) -> new Due(rs.getString("name"), rs.getBoolean("vacuum")));
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
