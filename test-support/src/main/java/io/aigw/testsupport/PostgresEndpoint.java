package io.aigw.testsupport;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Where the integration tests' PostgreSQL (with pgvector) answers.
 *
 * @param jdbcUrl {@code jdbc:postgresql://host:port/db[?params]}, ready for {@code spring.datasource.url}
 * @param user the role to log in as
 * @param password its password; empty with trust authentication
 */
public record PostgresEndpoint(String jdbcUrl, String user, String password) {

    private static final String PREFIX = "jdbc:postgresql://";
    private static final String DEFAULT_USER = "postgres";
    private static final int CONNECT_TIMEOUT_SECONDS = 5;
    /** Unquoted identifiers only: no quoting games, and the name can go straight into the URL. */
    private static final Pattern SCHEMA_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    /** Checks that the components are present and the URL is a PostgreSQL JDBC URL. */
    public PostgresEndpoint {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (!jdbcUrl.startsWith(PREFIX)) {
            throw new IllegalArgumentException("Not a PostgreSQL JDBC URL: '" + jdbcUrl
                    + "' (expected e.g. jdbc:postgresql://127.0.0.1:5432/aigw_test?user=postgres)");
        }
    }

    /**
     * Parses a JDBC URL whose query may carry {@code user} and {@code password}; the user defaults to
     * {@code postgres}, the password to empty (trust authentication).
     *
     * @throws IllegalArgumentException naming the value when it is not a PostgreSQL JDBC URL
     */
    public static PostgresEndpoint parse(String jdbcUrl) {
        String url = jdbcUrl.strip();
        String user = queryParameter(url, "user");
        String password = queryParameter(url, "password");
        return new PostgresEndpoint(url, user == null ? DEFAULT_USER : user, password == null ? "" : password);
    }

    /** Opens a new connection; the caller closes it. */
    public Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        // Bounded, so that a firewalled or wrong host fails the test run instead of hanging it.
        properties.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
        properties.setProperty("loginTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
        return DriverManager.getConnection(jdbcUrl, properties);
    }

    /**
     * Drops and recreates schema {@code name} and returns an endpoint whose connections work in it, so
     * that each test class gets its own empty tables while sharing one server.
     *
     * <p>The returned URL sets {@code currentSchema=name,public}: unqualified tables go to {@code name},
     * and the {@code vector} type, which this method makes sure is installed in {@code public}, still
     * resolves. Use a different name per test class; two classes with the same name would wipe each
     * other's tables.
     *
     * @param name lower-case letters, digits and underscores, starting with a letter or underscore
     * @throws IllegalArgumentException naming the value when {@code name} is not such an identifier
     * @throws SQLException when the server refuses the statements
     */
    public PostgresEndpoint freshSchema(String name) throws SQLException {
        if (name == null || !SCHEMA_NAME.matcher(name).matches() || name.startsWith("pg_") || name.equals("public")) {
            throw new IllegalArgumentException("Schema name must be a lower-case identifier other than 'public' and "
                    + "not starting with 'pg_' (letters, digits, underscores, at most 63): '" + name + "'");
        }
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            PgvectorExtension.ensureInstalled(connection);
            statement.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
            statement.execute("CREATE SCHEMA " + name);
        }
        return new PostgresEndpoint(withParameter(jdbcUrl, "currentSchema", name + ",public"), user, password);
    }

    /** Hides the password, also where the URL carries it. */
    @Override
    public String toString() {
        String shownUrl = password.isEmpty() ? jdbcUrl : jdbcUrl.replace("password=" + password, "password=***");
        return "PostgresEndpoint[jdbcUrl=" + shownUrl + ", user=" + user + ", password="
                + (password.isEmpty() ? "" : "***") + "]";
    }

    static String queryParameter(String url, String name) {
        int question = url.indexOf('?');
        if (question < 0) {
            return null;
        }
        for (String pair : url.substring(question + 1).split("&")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            if (key.equals(name)) {
                return equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /** Sets one query parameter, replacing an existing value. */
    static String withParameter(String url, String name, String value) {
        int question = url.indexOf('?');
        String base = question < 0 ? url : url.substring(0, question);
        List<String> pairs = new ArrayList<>();
        if (question >= 0 && question < url.length() - 1) {
            for (String pair : url.substring(question + 1).split("&")) {
                if (!pair.equals(name) && !pair.startsWith(name + "=")) {
                    pairs.add(pair);
                }
            }
        }
        pairs.add(name + "=" + value);
        return base + "?" + String.join("&", pairs);
    }
}
