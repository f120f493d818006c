package com.whatsappflux.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.transaction.CannotCreateTransactionException;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Group commit on a real (H2) database: shared commits, and what happens when a batch fails. */
class GroupCommitTest {

    private final AtomicBoolean databaseDown = new AtomicBoolean();
    private final AtomicInteger connectionsOpened = new AtomicInteger();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ExecutorService callers = Executors.newFixedThreadPool(16);
    private JdbcTemplate jdbc;
    private GroupCommit group;
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void setUp() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:group-commit-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        DataSource dataSource = new DelegatingDataSource(h2) {
            @Override
            public Connection getConnection() throws SQLException {
                if (databaseDown.get()) {
                    throw new SQLException("Connection refused", "08001");
                }
                connectionsOpened.incrementAndGet();
                return super.getConnection();
            }
        };
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("CREATE TABLE note (id INT PRIMARY KEY, text VARCHAR(20))");
        group = new GroupCommit("test", new Database(jdbc, dataSource), new DataSourceTransactionManager(dataSource), meters, 64);
    }

    @AfterEach
    void tearDown() {
        release.countDown();
        callers.shutdownNow();
        group.close();
    }

    @Test
    void worksWaitingTogetherShareOneCommit_andEachGetsItsResult() throws Exception {
        Future<Integer> blocker = blockTheGroup();
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            results.add(submit(insert(i)));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> group.waiting() == 10);
        release.countDown();

        assertThat(blocker.get(5, TimeUnit.SECONDS)).isZero();
        for (int i = 0; i < 10; i++) {
            assertThat(results.get(i).get(5, TimeUnit.SECONDS)).isEqualTo(i + 1);
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM note", Integer.class)).isEqualTo(10);
        var batches = meters.get("flux.db.group_commit.batch_size").summary();
        assertThat(batches.count()).isEqualTo(2); // the blocker alone, then the ten together
        assertThat(batches.max()).isEqualTo(10);
    }

    @Test
    void aFailingWorkFailsOnlyItsCaller_theOthersRunAgainAloneAndCommitOnce() throws Exception {
        blockTheGroup();
        List<Future<Integer>> good = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            good.add(submit(insert(i)));
        }
        Future<Integer> bad = submit(() -> {
            throw new IllegalArgumentException("bad data");
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> group.waiting() == 6);
        release.countDown();

        for (Future<Integer> f : good) {
            assertThat(f.get(5, TimeUnit.SECONDS)).isPositive();
        }
        assertThatThrownBy(() -> bad.get(5, TimeUnit.SECONDS)).hasRootCauseInstanceOf(IllegalArgumentException.class)
                .hasRootCauseMessage("bad data");
        // rolled back together once, then each committed alone: every row exactly once
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM note", Integer.class)).isEqualTo(5);
        assertThat(meters.get("flux.db.group_commit.fallbacks").counter().count()).isEqualTo(1);
    }

    @Test
    void aWorkThatFailsAloneIsNotRunASecondTime() {
        AtomicInteger runs = new AtomicInteger();
        assertThatThrownBy(() -> group.execute(() -> {
            runs.incrementAndGet();
            throw new IllegalStateException("broken");
        })).isInstanceOf(IllegalStateException.class).hasMessage("broken");
        assertThat(runs).hasValue(1);
    }

    @Test
    void worksOfABatchRunInTheOrderOfTheirKeys() throws Exception {
        blockTheGroup();
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        List<Future<String>> calls = new ArrayList<>();
        for (String key : List.of("c", "a", "b")) {
            calls.add(callers.submit(() -> group.execute(key, () -> {
                order.add(key);
                return key;
            })));
            await().atMost(Duration.ofSeconds(5)).until(() -> group.waiting() == order.size() + calls.size());
        }
        release.countDown();
        for (Future<String> call : calls) {
            call.get(5, TimeUnit.SECONDS);
        }
        assertThat(order).containsExactly("a", "b", "c");
    }

    @Test
    void withTheDatabaseGone_everyCallerFailsAtOnce_withoutASecondTry() throws Exception {
        blockTheGroup();
        List<Future<Integer>> calls = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            calls.add(submit(insert(i)));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> group.waiting() == 4);
        int opened = connectionsOpened.get();
        databaseDown.set(true);
        release.countDown();

        for (Future<Integer> call : calls) {
            assertThatThrownBy(() -> call.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(CannotCreateTransactionException.class);
        }
        assertThat(connectionsOpened.get()).isEqualTo(opened); // nobody tried alone
        assertThat(meters.get("flux.db.group_commit.fallbacks").counter().count()).isZero();
    }

    @Test
    void withTheDatabaseGone_worksQueuedBehindTheFailingBatchFailWithIt() throws Exception {
        // the database is down before anything runs: the first batch waits for its connection and fails; what
        // queued meanwhile is answered with that failure instead of each waiting for a connection in turn
        CountDownLatch connecting = new CountDownLatch(1);
        DataSource slowDown = new DelegatingDataSource(jdbc.getDataSource()) {
            @Override
            public Connection getConnection() throws SQLException {
                connecting.countDown();
                try {
                    Thread.sleep(1000); // the pool's connection timeout
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new SQLException("Connection refused", "08001");
            }
        };
        GroupCommit down = new GroupCommit("down", new Database(jdbc, jdbc.getDataSource()),
                new DataSourceTransactionManager(slowDown), meters, 64);
        try {
            Future<Integer> first = callers.submit(() -> down.execute(insert(1)));
            assertThat(connecting.await(5, TimeUnit.SECONDS)).isTrue();
            List<Future<Integer>> queued = new ArrayList<>();
            for (int i = 2; i <= 4; i++) {
                int id = i;
                queued.add(callers.submit(() -> down.execute(insert(id))));
            }
            await().atMost(Duration.ofMillis(500)).until(() -> down.waiting() == 3);
            assertThatThrownBy(() -> first.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(CannotCreateTransactionException.class);
            // at once, not after another connection timeout of their own
            for (Future<Integer> call : queued) {
                assertThatThrownBy(() -> call.get(300, TimeUnit.MILLISECONDS)).hasCauseInstanceOf(CannotCreateTransactionException.class);
            }
            assertThat(down.waiting()).isZero();
        } finally {
            down.close();
        }
    }

    /** A first work that holds the group's thread until released, so that the next ones queue up behind it. */
    private Future<Integer> blockTheGroup() {
        CountDownLatch running = new CountDownLatch(1);
        Future<Integer> blocker = submit(() -> {
            running.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 0;
        });
        try {
            assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return blocker;
    }

    private Supplier<Integer> insert(int id) {
        return () -> {
            jdbc.update("INSERT INTO note (id, text) VALUES (?, ?)", id, "note " + id);
            return id;
        };
    }

    private <T> Future<T> submit(Supplier<T> work) {
        return callers.submit(() -> group.execute(work));
    }
}
