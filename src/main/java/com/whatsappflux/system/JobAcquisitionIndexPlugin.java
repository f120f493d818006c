package com.whatsappflux.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Indexes for the job executor's search for due jobs, which Camunda's schema does not have. The search runs several
 * times a second ({@code job-executor-acquire-by-due-date} and {@code -by-priority}: due jobs, highest priority
 * first, then oldest, a few at a time, none of an instance that has a job in progress) in a table that also holds a
 * timer for every conversation waiting for a customer's answer.
 * <ul>
 *   <li>{@value #DUE_DATE}: with few jobs due only those are read, not the waiting timers (measured with ~3,000
 *   timers: 1.1 ms per search without it, 0.02 ms with it).</li>
 *   <li>{@value #PRIORITY_DUE_DATE}: after a burst thousands of jobs are due at once; in the search's own order
 *   PostgreSQL reads the first few and stops, instead of reading and sorting all of them every time.</li>
 *   <li>{@value #LOCKED} (PostgreSQL: a partial index): the "none of an instance in progress" check, which
 *   PostgreSQL otherwise answers by reading the whole job table, timers included, once per search.</li>
 * </ul>
 * Measured while the workflows worked off a backlog of ~4,500 due jobs: 7.5 ms per search without them, 0.5 ms with
 * them; with 50,000 due, 40–60 ms against 0.1 ms (eleventh session in the README).
 * Created after the engine has built (or upgraded) its schema; names of our own keep them apart from Camunda's.
 */
@Component
public class JobAcquisitionIndexPlugin extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(JobAcquisitionIndexPlugin.class);
    static final String DUE_DATE = "FLUX_IDX_JOB_DUEDATE";
    static final String PRIORITY_DUE_DATE = "FLUX_IDX_JOB_PRIORITY_DUEDATE";
    static final String LOCKED = "FLUX_IDX_JOB_LOCKED";

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        String prefix = configuration.getDatabaseTablePrefix() == null ? "" : configuration.getDatabaseTablePrefix();
        ensureIndexes(configuration.getDataSource(), prefix + "ACT_RU_JOB", configuration.getDatabaseType());
    }

    static void ensureIndexes(DataSource dataSource, String jobTable, String databaseType) {
        try (Connection connection = dataSource.getConnection()) {
            ensureIndex(connection, DUE_DATE, jobTable, "(DUEDATE_)");
            ensureIndex(connection, PRIORITY_DUE_DATE, jobTable, "(PRIORITY_ DESC, DUEDATE_)");
            if ("postgres".equals(databaseType)) {
                // H2 has no partial indexes; the embedded mode's job table stays small enough without it
                ensureIndex(connection, LOCKED, jobTable, "(PROCESS_INSTANCE_ID_) WHERE LOCK_OWNER_ IS NOT NULL");
            }
        } catch (SQLException e) {
            log.warn("Could not create the job acquisition indexes on {} (the job executor's search for due jobs is "
                    + "slower without them): {}", jobTable, e.getMessage());
        }
    }

    private static void ensureIndex(Connection connection, String index, String jobTable, String definition) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE INDEX IF NOT EXISTS " + index + " ON " + jobTable + " " + definition);
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            // another node creating it at the same moment, or no right to: the jobs still run, only slower to find
            log.warn("Could not create index {} on {} (the job executor's search for due jobs is slower without it): {}",
                    index, jobTable, e.getMessage());
            rollBackQuietly(connection);
        }
    }

    /** On PostgreSQL a failed statement spoils an open transaction for the next index. */
    private static void rollBackQuietly(Connection connection) {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException ignored) {
            // the connection is closed next anyway
        }
    }
}
