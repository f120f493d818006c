package com.whatsappflux.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * PostgreSQL: Camunda's indexes on columns that are empty in nearly every row Flux writes (tenant, CMMN case, task,
 * batch and byte-array references) become partial indexes that leave those rows out. Each routed message writes ~12
 * variable rows, an execution, a job and its history rows, and PostgreSQL indexes NULLs: every one of those rows
 * went into each of these indexes, all at the same end of the B-tree, only to be never looked up there (the engine
 * looks them up by value, {@code TASK_ID_ = ?}, which a {@code WHERE ... IS NOT NULL} index still answers).
 * Measured on 2 cores: inserting variable rows 27–40 % faster (README, fourteenth session).
 * The indexes keep Camunda's names and columns, so its upgrade scripts find them. They are rebuilt without locking
 * the tables, once. Nothing changes on H2 (no partial indexes; the embedded mode's tables stay small) or when an index
 * is already partial or missing.
 */
@Component
public class SparseIndexPlugin extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(SparseIndexPlugin.class);
    private static final String LOCK = "flux-sparse-indexes";

    /** One of Camunda's indexes, and the column that is empty in the rows it can leave out. */
    record SparseIndex(String name, String table, String columns, String sparseColumn) {
    }

    static final List<SparseIndex> INDEXES = List.of(
            new SparseIndex("ACT_IDX_VAR_CASE_EXE", "ACT_RU_VARIABLE", "CASE_EXECUTION_ID_", "CASE_EXECUTION_ID_"),
            new SparseIndex("ACT_IDX_VAR_CASE_INST_ID", "ACT_RU_VARIABLE", "CASE_INST_ID_", "CASE_INST_ID_"),
            new SparseIndex("ACT_IDX_VARIABLE_TASK_ID", "ACT_RU_VARIABLE", "TASK_ID_", "TASK_ID_"),
            new SparseIndex("ACT_IDX_VARIABLE_TASK_NAME_TYPE", "ACT_RU_VARIABLE", "TASK_ID_, NAME_, TYPE_", "TASK_ID_"),
            new SparseIndex("ACT_IDX_VARIABLE_TENANT_ID", "ACT_RU_VARIABLE", "TENANT_ID_", "TENANT_ID_"),
            new SparseIndex("ACT_IDX_VAR_BYTEARRAY", "ACT_RU_VARIABLE", "BYTEARRAY_ID_", "BYTEARRAY_ID_"),
            new SparseIndex("ACT_IDX_BATCH_ID", "ACT_RU_VARIABLE", "BATCH_ID_", "BATCH_ID_"),
            new SparseIndex("ACT_IDX_EXEC_TENANT_ID", "ACT_RU_EXECUTION", "TENANT_ID_", "TENANT_ID_"),
            new SparseIndex("ACT_IDX_EXE_SUPER", "ACT_RU_EXECUTION", "SUPER_EXEC_", "SUPER_EXEC_"),
            new SparseIndex("ACT_IDX_JOB_TENANT_ID", "ACT_RU_JOB", "TENANT_ID_", "TENANT_ID_"),
            new SparseIndex("ACT_IDX_JOB_EXCEPTION", "ACT_RU_JOB", "EXCEPTION_STACK_ID_", "EXCEPTION_STACK_ID_"),
            new SparseIndex("ACT_IDX_EVENT_SUBSCR_TENANT_ID", "ACT_RU_EVENT_SUBSCR", "TENANT_ID_", "TENANT_ID_"),
            new SparseIndex("ACT_IDX_TASK_CASE_EXEC", "ACT_RU_TASK", "CASE_EXECUTION_ID_", "CASE_EXECUTION_ID_"),
            new SparseIndex("ACT_IDX_TASK_CASE_DEF_ID", "ACT_RU_TASK", "CASE_DEF_ID_", "CASE_DEF_ID_"),
            new SparseIndex("ACT_IDX_TASK_TENANT_ID", "ACT_RU_TASK", "TENANT_ID_", "TENANT_ID_"),
            new SparseIndex("ACT_IDX_HI_PRO_INST_TENANT_ID", "ACT_HI_PROCINST", "TENANT_ID_", "TENANT_ID_"),
            new SparseIndex("ACT_IDX_HI_PRO_RST_PRO_INST_ID", "ACT_HI_PROCINST", "RESTARTED_PROC_INST_ID_",
                    "RESTARTED_PROC_INST_ID_"),
            new SparseIndex("ACT_IDX_HI_ACT_INST_TENANT_ID", "ACT_HI_ACTINST", "TENANT_ID_", "TENANT_ID_"),
            new SparseIndex("ACT_IDX_HI_TASK_INST_TENANT_ID", "ACT_HI_TASKINST", "TENANT_ID_", "TENANT_ID_"));

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        if (!"postgres".equals(configuration.getDatabaseType())) {
            return;
        }
        String prefix = configuration.getDatabaseTablePrefix() == null ? "" : configuration.getDatabaseTablePrefix();
        List<String> changed = makePartial(configuration.getDataSource(), prefix);
        if (!changed.isEmpty()) {
            log.info("Made {} of Camunda's indexes partial (rows with the column empty stay out of them): {}",
                    changed.size(), changed);
        }
    }

    /** Returns the indexes changed now; those already partial, or not in the schema, are left alone. */
    static List<String> makePartial(DataSource dataSource, String prefix) {
        List<String> changed = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(true); // CREATE / DROP INDEX CONCURRENTLY refuse to run in a transaction
            try (Statement statement = connection.createStatement()) {
                // one node at a time: two rebuilding the same index at once could each drop the other's new one
                if (!tryLock(statement)) {
                    log.info("Another node is making Camunda's sparse indexes partial; this one leaves them to it");
                    return changed;
                }
                statement.execute("SET lock_timeout = '10s'");
                try {
                    for (SparseIndex index : INDEXES) {
                        if (makePartial(connection, index, prefix)) {
                            changed.add(index.name());
                        }
                    }
                } finally {
                    statement.execute("RESET lock_timeout"); // the connection goes back to the pool
                    statement.execute("SELECT pg_advisory_unlock(hashtext('" + LOCK + "'))");
                }
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            log.warn("Could not check Camunda's indexes for partial ones (inserts are slower, nothing else): {}",
                    e.getMessage());
        }
        return changed;
    }

    /**
     * Built next to the old index without blocking the table (CONCURRENTLY: Camunda keeps writing meanwhile, on this
     * node's start-up and on every other node), then swapped in under Camunda's name. A start cut off half-way is
     * finished by the next: an unfinished build is dropped, a finished one renamed.
     */
    private static boolean makePartial(Connection connection, SparseIndex index, String prefix) {
        String name = prefix + index.name();
        String building = prefix + "FLUX_SPARSE_" + index.name();
        try (Statement statement = connection.createStatement()) {
            State built = state(connection, building);
            if (built == State.UNFINISHED) {
                statement.execute("DROP INDEX CONCURRENTLY IF EXISTS " + building);
                built = State.MISSING;
            }
            State current = state(connection, name);
            if (current == State.MISSING && built != State.MISSING) {
                statement.execute("ALTER INDEX " + building + " RENAME TO " + index.name());
                return true;
            }
            if (current != State.FULL) {
                if (built != State.MISSING) {
                    statement.execute("DROP INDEX CONCURRENTLY IF EXISTS " + building);
                }
                return false;
            }
            if (built == State.MISSING) {
                statement.execute("CREATE INDEX CONCURRENTLY " + building + " ON " + prefix + index.table() + " ("
                        + index.columns() + ") WHERE " + index.sparseColumn() + " IS NOT NULL");
            }
            statement.execute("DROP INDEX CONCURRENTLY " + name);
            statement.execute("ALTER INDEX " + building + " RENAME TO " + index.name());
            return true;
        } catch (SQLException e) {
            log.warn("Could not make index {} partial (inserts into {} are slower, nothing else; tried again at the next "
                    + "start): {}", name, index.table(), e.getMessage());
            return false;
        }
    }

    private static boolean tryLock(Statement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery("SELECT pg_try_advisory_lock(hashtext('" + LOCK + "'))")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    /** An index as the catalog has it; UNFINISHED: a concurrent build that was cut off. */
    private enum State { MISSING, UNFINISHED, FULL, PARTIAL }

    private static State state(Connection connection, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT i.indisvalid, i.indpred IS NOT NULL FROM pg_index i WHERE i.indexrelid = to_regclass(?)")) {
            query.setString(1, name.toLowerCase(java.util.Locale.ROOT));
            try (ResultSet rs = query.executeQuery()) {
                if (!rs.next()) {
                    return State.MISSING;
                }
                return !rs.getBoolean(1) ? State.UNFINISHED : rs.getBoolean(2) ? State.PARTIAL : State.FULL;
            }
        }
    }
}
