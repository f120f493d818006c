package com.whatsappflux.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * The few places where H2 and PostgreSQL differ: inserting a row that may already exist (a redelivered
 * webhook) without aborting the surrounding transaction.
 */
@Component
public class Database {

    private final JdbcTemplate jdbc;
    private final boolean postgres;

    public Database(JdbcTemplate jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.postgres = detectPostgres(dataSource);
    }

    public boolean isPostgres() {
        return postgres;
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    /**
     * Runs an INSERT that a unique constraint may reject; answers whether a row was inserted.
     * PostgreSQL aborts the whole transaction on a failed statement, so there we let the database skip it.
     */
    public boolean insertIfAbsent(String insertSql, Object... args) {
        if (postgres) {
            return jdbc.update(insertSql + " ON CONFLICT DO NOTHING", args) > 0;
        }
        try {
            return jdbc.update(insertSql, args) > 0;
        } catch (DuplicateKeyException duplicate) {
            return false; // H2 rolls back only the failed statement
        }
    }

    /**
     * {@link #insertIfAbsent}, answering the new row when the database hands it back with the insert (PostgreSQL's
     * RETURNING: one round trip less). Empty when the row was there already — or on H2, which inserts without
     * answering: the caller reads the row then.
     */
    public <T> Optional<T> insertIfAbsentReturning(String insertSql, String columns, RowMapper<T> mapper, Object... args) {
        if (postgres) {
            return jdbc.query(insertSql + " ON CONFLICT DO NOTHING RETURNING " + columns, mapper, args).stream().findFirst();
        }
        insertIfAbsent(insertSql, args);
        return Optional.empty();
    }

    /**
     * An UPDATE answering the changed row where the database can (PostgreSQL's RETURNING). Empty when no row
     * matched — or on H2, which updates without answering: the caller reads the row then.
     */
    public <T> Optional<T> updateReturning(String updateSql, String columns, RowMapper<T> mapper, Object... args) {
        if (postgres) {
            return jdbc.query(updateSql + " RETURNING " + columns, mapper, args).stream().findFirst();
        }
        jdbc.update(updateSql, args);
        return Optional.empty();
    }

    /**
     * Inserts the row, or updates the one with the same {@code conflictColumns} ({@code updateSet} may refer to the
     * new values as {@code EXCLUDED.column}), answering the row as it is afterwards — one round trip on PostgreSQL
     * ({@code INSERT … ON CONFLICT DO UPDATE … RETURNING}). Empty on H2: the caller takes its portable path then.
     */
    public <T> Optional<T> upsertReturning(String insertSql, String conflictColumns, String updateSet, String columns,
                                           RowMapper<T> mapper, Object... args) {
        if (!postgres) {
            return Optional.empty();
        }
        return jdbc.query(insertSql + " ON CONFLICT (" + conflictColumns + ") DO UPDATE SET " + updateSet + " RETURNING "
                + columns, mapper, args).stream().findFirst();
    }

    /**
     * Makes the current transaction give up on a row lock after {@code timeout} (a PostgreSQL interval, e.g. "2s")
     * instead of waiting indefinitely. H2 has a database-wide lock timeout (LOCK_TIMEOUT in its URL) instead.
     */
    public void setLockTimeoutForTransaction(String timeout) {
        if (postgres) {
            jdbc.execute("SET LOCAL lock_timeout = '" + timeout.replace("'", "") + "'");
        }
    }

    /** INSERT that answers the generated {@code id} (portable: H2 has no RETURNING). */
    public long insertReturningId(String insertSql, Object... args) {
        org.springframework.jdbc.support.GeneratedKeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.update(connection -> {
            var statement = connection.prepareStatement(insertSql, new String[] {"id"});
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            return statement;
        }, keys);
        Number key = keys.getKeys() != null && keys.getKeys().containsKey("id") ? (Number) keys.getKeys().get("id")
                : keys.getKeys() != null && keys.getKeys().containsKey("ID") ? (Number) keys.getKeys().get("ID")
                : keys.getKey();
        return key.longValue();
    }

    private static boolean detectPostgres(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database: " + e.getMessage(), e);
        }
    }
}
