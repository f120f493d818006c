package com.whatsappflux.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import com.whatsappflux.testing.PostgresTestDatabase;

/**
 * A work that waits for a row lock someone else holds does not hold up the rest of its group for longer than the
 * lock timeout: the batch gives up and the work waits alone, on its caller's thread. PostgreSQL only (lock_timeout).
 */
@Tag("integration")
class GroupCommitLockTimeoutTest {

    @Test
    void aWorkBlockedByARowLockWaitsAlone_andTheGroupGoesOn() throws Exception {
        assumeTrue("postgres".equals(System.getProperty("flux.test.db")), "PostgreSQL's lock_timeout");
        DriverManagerDataSource dataSource = new DriverManagerDataSource(PostgresTestDatabase.url(),
                PostgresTestDatabase.USER, "");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("DROP TABLE IF EXISTS group_commit_lock_test");
        jdbc.execute("CREATE TABLE group_commit_lock_test (id INT PRIMARY KEY, n INT NOT NULL)");
        jdbc.update("INSERT INTO group_commit_lock_test VALUES (1, 0), (2, 0)");
        GroupCommit group = new GroupCommit("lock-test", new Database(jdbc, dataSource),
                new DataSourceTransactionManager(dataSource), new SimpleMeterRegistry(), 64);
        try (Connection holder = dataSource.getConnection(); Statement lock = holder.createStatement()) {
            holder.setAutoCommit(false);
            lock.executeUpdate("UPDATE group_commit_lock_test SET n = n + 100 WHERE id = 1"); // held until commit

            CompletableFuture<Integer> blocked = CompletableFuture.supplyAsync(() -> group.execute(
                    () -> jdbc.update("UPDATE group_commit_lock_test SET n = n + 1 WHERE id = 1")));
            Thread.sleep(300); // the blocked work is in the group's transaction now
            long start = System.nanoTime();
            Integer other = CompletableFuture.supplyAsync(() -> group.execute(
                    () -> jdbc.update("UPDATE group_commit_lock_test SET n = n + 1 WHERE id = 2"))).get(10, TimeUnit.SECONDS);
            double waitedSeconds = (System.nanoTime() - start) / 1e9;

            assertThat(other).isEqualTo(1);
            assertThat(waitedSeconds).as("seconds the unrelated work waited").isLessThan(5);
            assertThat(blocked).as("still waiting for the lock, alone").isNotDone();

            holder.commit();
            assertThat(blocked.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        } finally {
            group.close();
        }
        // each work's effect once: the rolled-back batch left nothing behind
        assertThat(jdbc.queryForList("SELECT n FROM group_commit_lock_test ORDER BY id", Integer.class)).containsExactly(101, 1);
        jdbc.execute("DROP TABLE group_commit_lock_test");
    }
}
