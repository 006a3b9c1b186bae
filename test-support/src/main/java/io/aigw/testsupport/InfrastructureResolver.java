package io.aigw.testsupport;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Decides where Redis and PostgreSQL come from, in this order: the variable (environment or system
 * property), then Testcontainers when a Docker engine answers, else a failure that says how to
 * provide the service. Then it proves that the chosen server answers.
 *
 * <p>Its sources are injected so that the decision can be tested without real environment variables
 * or Docker.
 */
final class InfrastructureResolver {

    static final String REDIS_VARIABLE = "AIGW_TEST_REDIS_URL";
    static final String POSTGRES_VARIABLE = "AIGW_TEST_POSTGRES_URL";
    static final String SCRIPT_HINT = "run `eval \"$(scripts/ensure-test-infra.sh)\"`";
    private static final Duration REDIS_TIMEOUT = Duration.ofSeconds(3);

    private final Function<String, String> lookup;
    private final BooleanSupplier dockerAvailable;
    private final Supplier<RedisEndpoint> redisContainer;
    private final Supplier<PostgresEndpoint> postgresContainer;

    InfrastructureResolver(
            Function<String, String> lookup,
            BooleanSupplier dockerAvailable,
            Supplier<RedisEndpoint> redisContainer,
            Supplier<PostgresEndpoint> postgresContainer) {
        this.lookup = lookup;
        this.dockerAvailable = dockerAvailable;
        this.redisContainer = redisContainer;
        this.postgresContainer = postgresContainer;
    }

    /** Chooses the Redis endpoint without contacting it. */
    RedisEndpoint selectRedis() {
        String url = variable(REDIS_VARIABLE);
        if (url != null) {
            return RedisEndpoint.parse(url);
        }
        if (dockerAvailable.getAsBoolean()) {
            return redisContainer.get();
        }
        throw new InfrastructureUnavailableException("No Redis for integration tests: " + REDIS_VARIABLE
                + " is not set and no Docker engine answers for Testcontainers. To provide one, " + SCRIPT_HINT
                + " or set " + REDIS_VARIABLE
                + "=redis://127.0.0.1:6379, or start a Docker engine for Testcontainers.");
    }

    /** Chooses the PostgreSQL endpoint without contacting it. */
    PostgresEndpoint selectPostgres() {
        String url = variable(POSTGRES_VARIABLE);
        if (url != null) {
            return PostgresEndpoint.parse(url);
        }
        if (dockerAvailable.getAsBoolean()) {
            return postgresContainer.get();
        }
        throw new InfrastructureUnavailableException("No PostgreSQL for integration tests: " + POSTGRES_VARIABLE
                + " is not set and no Docker engine answers for Testcontainers. To provide one, " + SCRIPT_HINT
                + " or set " + POSTGRES_VARIABLE
                + "=jdbc:postgresql://127.0.0.1:5432/aigw_test?user=postgres (a server with pgvector),"
                + " or start a Docker engine for Testcontainers.");
    }

    /** Chooses Redis and proves that it answers PING. */
    RedisEndpoint redis() {
        RedisEndpoint endpoint = selectRedis();
        try (RespConnection connection = RespConnection.open(endpoint, REDIS_TIMEOUT)) {
            String reply = connection.command("PING");
            if (!"PONG".equals(reply)) {
                throw new IOException("PING answered '" + reply + "' instead of PONG");
            }
        } catch (IOException e) {
            throw new InfrastructureUnavailableException(
                    "Redis at " + endpoint + " does not answer PING within "
                            + REDIS_TIMEOUT.toSeconds() + " s (" + e.getMessage() + "). Start it, e.g. " + SCRIPT_HINT
                            + ", or point " + REDIS_VARIABLE + " at a running Redis.",
                    e);
        }
        return endpoint;
    }

    /** Chooses PostgreSQL and proves that it accepts a connection and offers pgvector. */
    PostgresEndpoint postgres() {
        PostgresEndpoint endpoint = selectPostgres();
        boolean vector;
        try (Connection connection = endpoint.connect()) {
            vector = PgvectorExtension.isAvailable(connection);
        } catch (SQLException e) {
            throw new InfrastructureUnavailableException(
                    "PostgreSQL at " + endpoint + " does not accept a connection ("
                            + e.getMessage() + "). Start it, e.g. " + SCRIPT_HINT + ", or point " + POSTGRES_VARIABLE
                            + " at a running server.",
                    e);
        }
        if (!vector) {
            throw new InfrastructureUnavailableException("PostgreSQL at " + endpoint
                    + " has no pgvector ('vector' is not in pg_available_extensions). "
                    + "scripts/ensure-test-infra.sh builds and installs it: " + SCRIPT_HINT + ".");
        }
        return endpoint;
    }

    /** A system property wins over the environment variable of the same name; blank counts as unset. */
    private String variable(String name) {
        String value = lookup.apply(name);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
