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

/** The acquisition indexes exist once the engine has its schema, and a second start leaves them as they are. */
class JobAcquisitionIndexPluginTest {

    @Test
    void theJobTableGetsItsAcquisitionIndexes_andARestartKeepsThem() throws Exception {
        String url = "jdbc:h2:mem:job-acquisition-index;DB_CLOSE_DELAY=-1";
        engine(url, false).close();
        assertThat(indexedColumns(url, JobAcquisitionIndexPlugin.DUE_DATE)).isEmpty(); // Camunda's schema alone has none
        assertThat(indexedColumns(url, JobAcquisitionIndexPlugin.PRIORITY_DUE_DATE)).isEmpty();

        engine(url, true).close();
        engine(url, true).close(); // again: no error, still one of each
        assertThat(indexedColumns(url, JobAcquisitionIndexPlugin.DUE_DATE)).containsExactly("DUEDATE_");
        assertThat(indexedColumns(url, JobAcquisitionIndexPlugin.PRIORITY_DUE_DATE)).containsExactly("PRIORITY_", "DUEDATE_");
        assertThat(indexedColumns(url, JobAcquisitionIndexPlugin.LOCKED)).as("partial index: PostgreSQL only").isEmpty();
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
        configuration.setProcessEngineName("job-acquisition-" + System.nanoTime());
        configuration.setJdbcUrl(url);
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setJobExecutorActivate(false);
        configuration.setProcessEnginePlugins(withPlugin ? new ArrayList<>(List.of(new JobAcquisitionIndexPlugin())) : new ArrayList<>());
        return configuration.buildProcessEngine();
    }
}
