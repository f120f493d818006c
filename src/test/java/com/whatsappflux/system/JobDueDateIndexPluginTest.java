package com.whatsappflux.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.junit.jupiter.api.Test;

/** The due-date index exists once the engine has its schema, and a second start leaves it as it is. */
class JobDueDateIndexPluginTest {

    @Test
    void theJobTableGetsItsDueDateIndex_andARestartKeepsIt() throws Exception {
        String url = "jdbc:h2:mem:job-due-date-index;DB_CLOSE_DELAY=-1";
        engine(url, false).close();
        assertThat(indexedColumns(url, JobDueDateIndexPlugin.INDEX)).isEmpty(); // Camunda's schema alone has none

        engine(url, true).close();
        engine(url, true).close(); // again: no error, still one index
        assertThat(indexedColumns(url, JobDueDateIndexPlugin.INDEX)).containsExactly("DUEDATE_");
    }

    private static List<String> indexedColumns(String url, String index) throws Exception {
        ProcessEngine engine = engine(url, false);
        try (Connection connection = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getDataSource().getConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            List<String> columns = new ArrayList<>();
            try (ResultSet rs = metaData.getIndexInfo(null, null, "ACT_RU_JOB", false, false)) {
                while (rs.next()) {
                    if (index.equalsIgnoreCase(rs.getString("INDEX_NAME"))) {
                        columns.add(rs.getString("COLUMN_NAME"));
                    }
                }
            }
            return columns;
        } finally {
            engine.close();
        }
    }

    private static ProcessEngine engine(String url, boolean withPlugin) {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setProcessEngineName("job-due-date-" + System.nanoTime());
        configuration.setJdbcUrl(url);
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setJobExecutorActivate(false);
        configuration.setProcessEnginePlugins(withPlugin ? new ArrayList<>(List.of(new JobDueDateIndexPlugin())) : new ArrayList<>());
        return configuration.buildProcessEngine();
    }
}
