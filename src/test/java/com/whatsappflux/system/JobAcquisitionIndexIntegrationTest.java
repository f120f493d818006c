package com.whatsappflux.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.whatsappflux.testing.FluxIntegrationTest;

/**
 * With thousands of timers waiting (a nudge or reminder per open conversation), the job executor's search for due
 * jobs reads the due-date index instead of the whole job table. PostgreSQL only: the plan is PostgreSQL's.
 */
class JobAcquisitionIndexIntegrationTest extends FluxIntegrationTest {

    /** The job executor's acquisition (acquire by due date, then priority), as Camunda sends it, in essence. */
    private static final String DUE_JOBS = "SELECT ID_ FROM ACT_RU_JOB WHERE RETRIES_ > 0 AND DUEDATE_ <= now() "
            + "AND (LOCK_OWNER_ IS NULL OR LOCK_EXP_TIME_ < now()) AND SUSPENSION_STATE_ = 1 "
            + "ORDER BY PRIORITY_ DESC, DUEDATE_ ASC LIMIT 3";

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void dueJobsAreFoundByTheIndex_notByReadingEveryWaitingTimer() {
        assumeTrue("postgres".equals(System.getProperty("flux.test.db")), "the query plan checked is PostgreSQL's");
        jdbc.update("""
                INSERT INTO ACT_RU_JOB (ID_, REV_, TYPE_, DUEDATE_, RETRIES_, SUSPENSION_STATE_, EXCLUSIVE_, PRIORITY_,
                    HANDLER_TYPE_, CREATE_TIME_)
                SELECT 'index-test-' || g, 1, 'timer', now() + interval '1 day' + g * interval '1 second', 3, 1, true, 0,
                    'timer-intermediate-transition', now()
                  FROM generate_series(1, 5000) g""");
        try {
            jdbc.execute("ANALYZE ACT_RU_JOB");
            List<String> plan = jdbc.queryForList("EXPLAIN " + DUE_JOBS, String.class);
            assertThat(String.join("\n", plan)).as("plan").containsIgnoringCase(JobDueDateIndexPlugin.INDEX)
                    .doesNotContainIgnoringCase("Seq Scan");
        } finally {
            jdbc.update("DELETE FROM ACT_RU_JOB WHERE ID_ LIKE 'index-test-%'");
        }
    }
}
