package io.aigw.bench.overhead.adapter.out.postgres;

import io.aigw.testsupport.PostgresEndpoint;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Billing's ledger for one benchmark run: a fresh schema in a PostgreSQL, as a deployment's billing
 * has (its embedded H2 made billing's share of the miss path a measure of H2), dropped at the end.
 */
public final class LedgerDatabase implements AutoCloseable {

    /**
     * Billing's connections carry this name and the schema's, so the server processes behind them can
     * be found, and those of an A/B run's two billings told apart.
     */
    static final String APPLICATION_NAME = "aigw-bench-billing-";

    private static final Duration POLL = Duration.ofMillis(200);

    private final PostgresEndpoint schema;
    private final String name;

    private LedgerDatabase(PostgresEndpoint schema, String name) {
        this.schema = schema;
        this.name = name;
    }

    /**
     * Creates schema {@code name} (dropping one left by an earlier run).
     *
     * @param jdbcUrl {@code jdbc:postgresql://host:port/db[?user=…]}
     */
    public static LedgerDatabase create(String jdbcUrl, String name) {
        PostgresEndpoint server = PostgresEndpoint.parse(jdbcUrl);
        try {
            return new LedgerDatabase(server.freshSchema(name), name);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "could not create schema " + name + " for billing's ledger in " + server + ": " + e.getMessage()
                            + " (is PostgreSQL up? scripts/ensure-test-infra.sh starts one)",
                    e);
        }
    }

    /** The environment that points billing at the schema. */
    public Map<String, String> billingEnvironment() {
        return Map.of(
                "AIGW_POSTGRES_URL", schema.jdbcUrl() + "&ApplicationName=" + APPLICATION_NAME + name,
                "AIGW_POSTGRES_USER", schema.user(),
                "AIGW_POSTGRES_PASSWORD", schema.password());
    }

    /**
     * The PIDs of the server processes serving billing's connections, once there are {@code expected}
     * of them (its pool fills in the background after start-up), or what there is after {@code wait}.
     */
    public List<Long> backends(int expected, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        List<Long> pids = List.of();
        try (Connection connection = schema.connect();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT pid FROM pg_stat_activity WHERE application_name = ? ORDER BY pid")) {
            query.setString(1, APPLICATION_NAME + name);
            while (true) {
                pids = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        pids.add(rows.getLong(1));
                    }
                }
                if (pids.size() >= expected || System.nanoTime() > deadline) {
                    return List.copyOf(pids);
                }
                sleep();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "could not list billing's connections in " + schema + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try (Connection connection = schema.connect();
                Statement statement = connection.createStatement()) {
            // the name passed freshSchema's identifier check: safe to put in the statement
            statement.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "could not drop schema " + name + " in " + schema + ": " + e.getMessage(), e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
