package com.whatsappflux.system;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;

/**
 * Three engines on one in-memory H2 database, as three nodes of a cluster, for plugins that remember database rows
 * for a time to live: one remembers for an hour, one for a fifth of a second, one runs as Camunda ships it.
 */
final class ThreeNodes implements AutoCloseable {

    /** Remembers for an hour: only a change of its own makes it read again. */
    final ProcessEngine remembering;
    /** Remembers for a fifth of a second. */
    final ProcessEngine briefly;
    /** Another node, as Camunda ships it (time to live zero). */
    final ProcessEngine otherNode;

    ThreeNodes(String database, Function<Duration, ProcessEnginePlugin> plugin) {
        remembering = engine(database, "remembering", ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP,
                plugin.apply(Duration.ofHours(1)));
        briefly = engine(database, "briefly", ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE,
                plugin.apply(Duration.ofMillis(200)));
        otherNode = engine(database, "other-node", ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE,
                plugin.apply(Duration.ZERO));
    }

    @Override
    public void close() {
        otherNode.close();
        briefly.close();
        remembering.close(); // drops the schema
    }

    private static ProcessEngine engine(String database, String name, String schema, ProcessEnginePlugin plugin) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) new StandaloneProcessEngineConfiguration()
                .setProcessEngineName(name)
                .setJdbcUrl(database)
                .setDatabaseSchemaUpdate(schema)
                .setHistory(ProcessEngineConfiguration.HISTORY_ACTIVITY)
                .setJobExecutorActivate(false);
        configuration.setProcessEnginePlugins(List.of(plugin));
        return configuration.buildProcessEngine();
    }
}
