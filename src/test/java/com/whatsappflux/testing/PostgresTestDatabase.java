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

    /**
     * {@code lead} plus three digits that no earlier run left in this database's inbox, so a test that counts "its"
     * customers by prefix never counts another run's (local databases keep them; CI starts from empty ones).
     */
    public static String unusedCustomerPrefix(String database, String lead) {
        ensureExists(database);
        java.util.Random random = new java.util.Random();
        try (Connection c = DriverManager.getConnection(HOST_URL + database, USER, "")) {
            for (int attempt = 0; attempt < 1000; attempt++) {
                String prefix = lead + String.format("%03d", random.nextInt(1000));
                try (var s = c.prepareStatement("SELECT 1 FROM inbound_message WHERE customer_key LIKE ? LIMIT 1")) {
                    s.setString(1, prefix + "%");
                    try (ResultSet rs = s.executeQuery()) {
                        if (!rs.next()) {
                            return prefix;
                        }
                    }
                } catch (SQLException noInboxYet) {
                    return prefix; // a fresh database: the application creates its tables on start
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("every prefix " + lead + "nnn is taken in " + database + ": drop the database");
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
