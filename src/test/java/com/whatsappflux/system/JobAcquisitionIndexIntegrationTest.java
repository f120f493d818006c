package com.whatsappflux.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import com.whatsappflux.testing.FluxIntegrationTest;

/**
 * The job executor's search for due jobs reads only what it needs however full the job table is: with thousands
 * of timers waiting (a nudge or reminder per open conversation) and nothing due, and with thousands of jobs due at
 * once (a burst being worked off). PostgreSQL only: the plans are PostgreSQL's. The jobs are inserted in a
 * transaction that is rolled back, so the running job executor never sees them.
 */
class JobAcquisitionIndexIntegrationTest extends FluxIntegrationTest {

    /** Camunda's acquisition (acquire by due date and priority, exclusive jobs), as it sends it to PostgreSQL. */
    private static final String ACQUISITION = """
            SELECT RES.ID_, RES.REV_, RES.DUEDATE_, RES.PROCESS_INSTANCE_ID_, RES.EXCLUSIVE_ FROM ACT_RU_JOB RES
             WHERE (RES.RETRIES_ > 0) AND (RES.DUEDATE_ <= now())
               AND (RES.LOCK_OWNER_ IS NULL OR RES.LOCK_EXP_TIME_ < now()) AND RES.SUSPENSION_STATE_ = 1
               AND ((RES.EXCLUSIVE_ = true AND NOT EXISTS (SELECT J2.ID_ FROM ACT_RU_JOB J2
                      WHERE J2.PROCESS_INSTANCE_ID_ = RES.PROCESS_INSTANCE_ID_ AND (J2.EXCLUSIVE_ = true)
                        AND (J2.LOCK_OWNER_ IS NOT NULL AND J2.LOCK_EXP_TIME_ >= now())))
                    OR RES.EXCLUSIVE_ = false)
             ORDER BY RES.PRIORITY_ DESC, RES.DUEDATE_ ASC LIMIT 3""";

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private TransactionTemplate transactions;

    @Test
    void withOnlyTimersWaiting_theSearchReadsTheDueDateIndex() {
        assumeTrue("postgres".equals(System.getProperty("flux.test.db")), "the query plan checked is PostgreSQL's");
        String plan = planWith(0);
        assertThat(plan).as(plan).containsIgnoringCase(JobAcquisitionIndexPlugin.DUE_DATE).doesNotContainIgnoringCase("Seq Scan");
    }

    @Test
    void withABacklogDue_theSearchReadsTheFirstFewInItsOrder_andOnlyTheLockedJobs() {
        assumeTrue("postgres".equals(System.getProperty("flux.test.db")), "the query plan checked is PostgreSQL's");
        String plan = planWith(4000);
        assertThat(plan).as(plan).containsIgnoringCase(JobAcquisitionIndexPlugin.PRIORITY_DUE_DATE)
                .containsIgnoringCase(JobAcquisitionIndexPlugin.LOCKED)
                .doesNotContainIgnoringCase("Seq Scan").doesNotContainIgnoringCase("Sort Key");
    }

    /** The plan with 8,000 future timers and this many jobs due (the first 30 of them running), then rolled back. */
    private String planWith(int due) {
        return transactions.execute(tx -> {
            tx.setRollbackOnly();
            jdbc.update("""
                    INSERT INTO ACT_RU_JOB (ID_, REV_, TYPE_, DUEDATE_, RETRIES_, SUSPENSION_STATE_, EXCLUSIVE_, PRIORITY_,
                        HANDLER_TYPE_, PROCESS_INSTANCE_ID_, CREATE_TIME_)
                    SELECT 'index-test-timer-' || g, 1, 'timer', now() + interval '1 day' + g * interval '1 second', 3, 1,
                        true, 0, 'timer-intermediate-transition', 'index-test-instance-' || g, now()
                      FROM generate_series(1, 8000) g""");
            jdbc.update("""
                    INSERT INTO ACT_RU_JOB (ID_, REV_, TYPE_, DUEDATE_, RETRIES_, SUSPENSION_STATE_, EXCLUSIVE_, PRIORITY_,
                        HANDLER_TYPE_, PROCESS_INSTANCE_ID_, LOCK_OWNER_, LOCK_EXP_TIME_, CREATE_TIME_)
                    SELECT 'index-test-due-' || g, 1, 'message', now() - interval '1 minute' + g * interval '1 millisecond',
                        3, 1, true, CASE WHEN g % 5 = 0 THEN 10 ELSE 0 END, 'async-continuation', 'index-test-busy-' || g,
                        CASE WHEN g <= 30 THEN 'index-test-node' END,
                        CASE WHEN g <= 30 THEN now() + interval '5 minutes' END, now()
                      FROM generate_series(1, ?) g""", due);
            jdbc.execute("ANALYZE ACT_RU_JOB");
            return String.join("\n", jdbc.queryForList("EXPLAIN " + ACQUISITION, String.class));
        });
    }
}
