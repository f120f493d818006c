package com.whatsappflux.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Lets a database created under another history level start with the configured one. Camunda records the level
 * of the first start in ACT_GE_PROPERTY and refuses any other ("historyLevel mismatch"), so an installation from
 * before the switch from "audit" to "activity" would not start after an upgrade. The stored level is set to the
 * configured one before the engine checks it; history already written stays until the history cleanup removes it.
 */
@Component
public class HistoryLevelAlignmentPlugin extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(HistoryLevelAlignmentPlugin.class);
    /** Camunda's built-in levels by name, with the ids it stores. */
    private static final Map<String, Integer> LEVELS = Map.of("none", 0, "activity", 1, "audit", 2, "full", 3);

    /** After the configuration (and its data source) is ready, before the engine checks the stored level. */
    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        String history = configuration.getHistory();
        Integer level = history == null ? null : LEVELS.get(history.toLowerCase(Locale.ROOT));
        if (level == null || configuration.getDataSource() == null) {
            return; // "auto" or a custom level: nothing to align
        }
        align(configuration.getDataSource(), configuration.getDatabaseTablePrefix(), level, history);
    }

    static void align(DataSource dataSource, String tablePrefix, int level, String name) {
        String table = (tablePrefix == null ? "" : tablePrefix) + "ACT_GE_PROPERTY";
        try (Connection connection = dataSource.getConnection()) {
            if (!tableExists(connection, table)) {
                return; // a new database: the engine records the configured level itself
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE " + table + " SET VALUE_ = ?, REV_ = REV_ + 1 "
                    + "WHERE NAME_ = 'historyLevel' AND VALUE_ <> ?")) {
                update.setString(1, String.valueOf(level));
                update.setString(2, String.valueOf(level));
                if (update.executeUpdate() > 0) {
                    log.info("History level of this database set to '{}' as configured; history written before stays "
                            + "until the history cleanup removes it", name);
                }
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            throw new ProcessEngineException("Could not align the stored history level with '" + name + "'", e);
        }
    }

    private static boolean tableExists(Connection connection, String table) throws SQLException {
        try (PreparedStatement probe = connection.prepareStatement("SELECT 1 FROM " + table + " WHERE 1 = 0")) {
            probe.executeQuery().close();
            return true;
        } catch (SQLException missing) {
            if (!connection.getAutoCommit()) {
                connection.rollback(); // PostgreSQL aborts the transaction on the failed probe
            }
            return false;
        }
    }
}
