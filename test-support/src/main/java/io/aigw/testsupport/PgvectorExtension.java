package io.aigw.testsupport;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Checks for and installs the pgvector extension ({@code vector}) in one database. */
final class PgvectorExtension {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String DUPLICATE_OBJECT = "42710";

    private PgvectorExtension() {}

    /** Whether the server has pgvector's files, i.e. {@code CREATE EXTENSION vector} can work. */
    static boolean isAvailable(Connection connection) throws SQLException {
        return exists(connection, "SELECT 1 FROM pg_available_extensions WHERE name = 'vector'");
    }

    /** Creates the extension in {@code public} unless the database already has it. */
    static void ensureInstalled(Connection connection) throws SQLException {
        if (exists(connection, "SELECT 1 FROM pg_extension WHERE extname = 'vector'")) {
            return; // also spares a non-superuser role the privilege check of CREATE EXTENSION
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION IF NOT EXISTS vector SCHEMA public");
        } catch (SQLException e) {
            // IF NOT EXISTS is not atomic: a test class in another JVM may have won the race.
            boolean lostRace = UNIQUE_VIOLATION.equals(e.getSQLState()) || DUPLICATE_OBJECT.equals(e.getSQLState());
            if (!lostRace || !exists(connection, "SELECT 1 FROM pg_extension WHERE extname = 'vector'")) {
                throw e;
            }
        }
    }

    private static boolean exists(Connection connection, String query) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(query)) {
            return rows.next();
        }
    }
}
