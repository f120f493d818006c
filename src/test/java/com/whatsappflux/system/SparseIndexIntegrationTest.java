package com.whatsappflux.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import com.whatsappflux.system.SparseIndexPlugin.SparseIndex;
import com.whatsappflux.testing.FluxIntegrationTest;

/**
 * On PostgreSQL, Camunda's indexes on columns Flux leaves empty are partial once the engine has started: same names
 * and columns, rows with the column empty left out, and still used for the engine's lookups by value.
 */
class SparseIndexIntegrationTest extends FluxIntegrationTest {

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private DataSource dataSource;

    @Autowired
    private TransactionTemplate transactions;

    @BeforeEach
    void onPostgres() {
        assumeTrue("postgres".equals(System.getProperty("flux.test.db")), "partial indexes are PostgreSQL's");
    }

    @Test
    void afterStartEverySparseIndexIsPartial_withCamundasNameAndColumns() {
        for (SparseIndex index : SparseIndexPlugin.INDEXES) {
            String definition = definition(index.name());
            assertThat(definition).as(index.name()).isNotNull()
                    .containsIgnoringCase("ON public." + index.table())
                    .containsIgnoringCase("(" + index.columns() + ")")
                    .containsIgnoringCase("WHERE (" + index.sparseColumn() + " IS NOT NULL)");
        }
        assertThat(SparseIndexPlugin.makePartial(dataSource, "")).as("a second start changes nothing").isEmpty();
    }

    @Test
    void aFullIndexLeftByAnEarlierVersionIsMadePartial_andAMissingOneIsNotCreated() {
        jdbc.execute("DROP INDEX ACT_IDX_JOB_EXCEPTION");
        jdbc.execute("CREATE INDEX ACT_IDX_JOB_EXCEPTION ON ACT_RU_JOB (EXCEPTION_STACK_ID_)");
        jdbc.execute("DROP INDEX ACT_IDX_HI_TASK_INST_TENANT_ID");
        try {
            assertThat(SparseIndexPlugin.makePartial(dataSource, "")).containsExactly("ACT_IDX_JOB_EXCEPTION");
            assertThat(definition("ACT_IDX_JOB_EXCEPTION")).containsIgnoringCase("WHERE (exception_stack_id_ IS NOT NULL)");
            assertThat(definition("ACT_IDX_HI_TASK_INST_TENANT_ID")).isNull();
        } finally {
            jdbc.execute("CREATE INDEX IF NOT EXISTS ACT_IDX_HI_TASK_INST_TENANT_ID ON ACT_HI_TASKINST (TENANT_ID_) "
                    + "WHERE TENANT_ID_ IS NOT NULL");
        }
    }

    @Test
    void aRebuildCutOffHalfWayIsFinishedAtTheNextStart() {
        // swapped in but not yet renamed: Camunda's name is missing, the new index exists under its building name
        jdbc.execute("DROP INDEX ACT_IDX_JOB_TENANT_ID");
        jdbc.execute("CREATE INDEX FLUX_SPARSE_ACT_IDX_JOB_TENANT_ID ON ACT_RU_JOB (TENANT_ID_) WHERE TENANT_ID_ IS NOT NULL");
        // built, old one still there
        jdbc.execute("DROP INDEX ACT_IDX_EXE_SUPER");
        jdbc.execute("CREATE INDEX ACT_IDX_EXE_SUPER ON ACT_RU_EXECUTION (SUPER_EXEC_)");
        jdbc.execute("CREATE INDEX FLUX_SPARSE_ACT_IDX_EXE_SUPER ON ACT_RU_EXECUTION (SUPER_EXEC_) WHERE SUPER_EXEC_ IS NOT NULL");

        assertThat(SparseIndexPlugin.makePartial(dataSource, "")).containsExactlyInAnyOrder("ACT_IDX_JOB_TENANT_ID",
                "ACT_IDX_EXE_SUPER");

        assertThat(definition("ACT_IDX_JOB_TENANT_ID")).containsIgnoringCase("WHERE (tenant_id_ IS NOT NULL)");
        assertThat(definition("ACT_IDX_EXE_SUPER")).containsIgnoringCase("WHERE (super_exec_ IS NOT NULL)");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM pg_indexes WHERE indexname LIKE 'flux_sparse_%'", Integer.class))
                .as("nothing left under a building name").isZero();
        assertThat(jdbc.queryForObject("SHOW lock_timeout", String.class)).as("the pooled connection as it was").isEqualTo("0");
    }

    @Test
    void theEngineStillFindsATasksVariablesThroughThePartialIndex() {
        String plan = transactions.execute(tx -> {
            tx.setRollbackOnly();
            jdbc.execute("SET LOCAL enable_seqscan = off"); // a small test table: show which index can be used
            jdbc.execute("PREPARE task_vars(varchar) AS SELECT * FROM ACT_RU_VARIABLE WHERE TASK_ID_ = $1");
            jdbc.execute("SET LOCAL plan_cache_mode = force_generic_plan"); // as for the engine's prepared statements
            List<String> lines = jdbc.queryForList("EXPLAIN EXECUTE task_vars('some-task')", String.class);
            jdbc.execute("DEALLOCATE task_vars");
            return String.join("\n", lines);
        });
        assertThat(plan).as(plan).containsIgnoringCase("act_idx_variable_task").doesNotContainIgnoringCase("Seq Scan");
    }

    private String definition(String index) {
        List<String> found = jdbc.queryForList("SELECT indexdef FROM pg_indexes WHERE indexname = lower(?)", String.class,
                index);
        return found.isEmpty() ? null : found.get(0);
    }
}
