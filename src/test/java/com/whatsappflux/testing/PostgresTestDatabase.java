package com.whatsappflux.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL database of the test run. Created on first use if missing, so {@code mvn verify} works on a
 * machine whose PostgreSQL has just the default databases (as this project's machines and CI have).
 */
public final class PostgresTestDatabase {

    public static final String HOST_URL = System.getProperty("flux.test.postgres-host", "jdbc:postgresql://127.0.0.1:5432/");
    public static final String NAME = System.getProperty("flux.test.postgres-db", "flux_test");
    public static final String USER = System.getProperty("flux.test.postgres-user", "postgres");

    private static final java.util.Set<String> ENSURED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private PostgresTestDatabase() {
    }

    public static String url() {
        return url(NAME);
    }

    /** A database of its own, for tests that must not share state with the main test context. */
    public static String url(String name) {
        ensureExists(name);
        return HOST_URL + name;
    }

    public static synchronized void ensureExists(String name) {
        if (ENSURED.contains(name)) {
            return;
        }
        try (Connection c = DriverManager.getConnection(HOST_URL + "postgres", USER, "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
            if (!rs.next()) {
                s.execute("CREATE DATABASE " + name);
            }
            ENSURED.add(name);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL tests need a server at " + HOST_URL + " (user " + USER
                    + "): start it, or run with -Dflux.skipPostgres=true. " + e.getMessage(), e);
        }
    }
}
