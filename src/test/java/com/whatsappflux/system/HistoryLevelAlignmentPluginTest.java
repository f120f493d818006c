package com.whatsappflux.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.junit.jupiter.api.Test;

/** A database first started under "audit" (as Flux did before) starts again under "activity". */
class HistoryLevelAlignmentPluginTest {

    @Test
    void anAuditDatabaseStartsUnderActivity() {
        String url = "jdbc:h2:mem:history-level-aligned;DB_CLOSE_DELAY=-1";
        engine(url, "audit", List.of()).close();
        ProcessEngine upgraded = engine(url, "activity", List.of(new HistoryLevelAlignmentPlugin()));
        try {
            assertThat(upgraded.getManagementService().getProperties()).containsEntry("historyLevel", "1");
        } finally {
            upgraded.close();
        }
    }

    @Test
    void withoutItCamundaRefusesTheStart() {
        String url = "jdbc:h2:mem:history-level-mismatch;DB_CLOSE_DELAY=-1";
        engine(url, "audit", List.of()).close();
        assertThatThrownBy(() -> engine(url, "activity", List.of()).close()).hasMessageContaining("historyLevel mismatch");
    }

    @Test
    void aNewDatabaseIsLeftToTheEngine() {
        ProcessEngine fresh = engine("jdbc:h2:mem:history-level-new;DB_CLOSE_DELAY=-1", "activity",
                List.of(new HistoryLevelAlignmentPlugin()));
        try {
            assertThat(fresh.getManagementService().getProperties()).containsEntry("historyLevel", "1");
        } finally {
            fresh.close();
        }
    }

    private static ProcessEngine engine(String url, String history, List<ProcessEnginePlugin> plugins) {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setProcessEngineName("history-level-" + System.nanoTime());
        configuration.setJdbcUrl(url);
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setHistory(history);
        configuration.setJobExecutorActivate(false);
        configuration.setProcessEnginePlugins(new ArrayList<>(plugins));
        return configuration.buildProcessEngine();
    }
}
