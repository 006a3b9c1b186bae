package io.aigw.testsupport;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Testcontainers fallback for machines with a Docker engine: one Redis and one PostgreSQL container
 * per JVM, started on first use and shared by every test class (starting one per class would cost
 * seconds each). Testcontainers' reaper removes them when the JVM ends.
 */
final class ContainerInfrastructure {

    static final String REDIS_IMAGE = "redis:7-alpine";
    /** The official pgvector image: stock PostgreSQL 16 with the extension's files installed. */
    static final String POSTGRES_IMAGE = "pgvector/pgvector:pg16";

    private ContainerInfrastructure() {}

    static RedisEndpoint redis() {
        GenericContainer<?> container = RedisHolder.CONTAINER;
        return RedisEndpoint.of(container.getHost(), container.getMappedPort(RedisEndpoint.DEFAULT_PORT));
    }

    static PostgresEndpoint postgres() {
        PostgreSQLContainer container = PostgresHolder.CONTAINER;
        return new PostgresEndpoint(container.getJdbcUrl(), container.getUsername(), container.getPassword());
    }

    // Holder classes: the JVM runs each initializer once, thread-safely, and only on first use.

    private static final class RedisHolder {
        @SuppressWarnings("resource") // lives as long as the JVM; the reaper removes it
        static final GenericContainer<?> CONTAINER = start(new GenericContainer<>(DockerImageName.parse(REDIS_IMAGE))
                .withExposedPorts(RedisEndpoint.DEFAULT_PORT));
    }

    private static final class PostgresHolder {
        @SuppressWarnings("resource") // lives as long as the JVM; the reaper removes it
        static final PostgreSQLContainer CONTAINER = start(
                new PostgreSQLContainer(DockerImageName.parse(POSTGRES_IMAGE).asCompatibleSubstituteFor("postgres"))
                        .withDatabaseName("aigw_test"));
    }

    private static <T extends GenericContainer<?>> T start(T container) {
        container.start();
        return container;
    }
}
