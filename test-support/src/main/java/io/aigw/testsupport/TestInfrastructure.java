package io.aigw.testsupport;

import org.testcontainers.DockerClientFactory;

/**
 * Real Redis and PostgreSQL (with pgvector) for integration tests, from the first source that exists:
 *
 * <ol>
 *   <li>the variables {@code AIGW_TEST_REDIS_URL} / {@code AIGW_TEST_POSTGRES_URL}, read as a system
 *       property first and then from the environment ({@code scripts/ensure-test-infra.sh} prints them);
 *   <li>Testcontainers ({@code redis:7-alpine}, {@code pgvector/pgvector:pg16}), started once per JVM,
 *       when a Docker engine answers;
 *   <li>otherwise an {@link InfrastructureUnavailableException} that says how to provide the service.
 * </ol>
 *
 * <p>Tests are never skipped: a missing service is a failed build, so CI cannot go green without
 * having run them. Each endpoint is checked once per JVM (Redis answers PING; PostgreSQL accepts a
 * connection and offers the {@code vector} extension) and then reused.
 *
 * <pre>{@code
 * PostgresEndpoint db = TestInfrastructure.postgres().freshSchema("billing_ledger_it");
 * registry.add("spring.datasource.url", db::jdbcUrl);
 * registry.add("spring.datasource.username", db::user);
 * registry.add("spring.datasource.password", db::password);
 * registry.add("spring.data.redis.url", () -> TestInfrastructure.redis().url());
 * }</pre>
 */
public final class TestInfrastructure {

    private static final InfrastructureResolver RESOLVER = new InfrastructureResolver(
            TestInfrastructure::propertyOrEnvironment,
            () -> DockerClientFactory.instance().isDockerAvailable(),
            ContainerInfrastructure::redis,
            ContainerInfrastructure::postgres);

    private static RedisEndpoint redis;
    private static PostgresEndpoint postgres;

    private TestInfrastructure() {}

    /**
     * The Redis for this test JVM, checked to answer PING.
     *
     * @throws InfrastructureUnavailableException when none is configured, reachable or startable
     */
    public static synchronized RedisEndpoint redis() {
        if (redis == null) {
            redis = RESOLVER.redis();
        }
        return redis;
    }

    /**
     * The PostgreSQL for this test JVM, checked to accept a connection and to offer pgvector. Give each
     * test class its own schema with {@link PostgresEndpoint#freshSchema(String)}.
     *
     * @throws InfrastructureUnavailableException when none is configured, reachable or startable, or
     *     the server lacks pgvector
     */
    public static synchronized PostgresEndpoint postgres() {
        if (postgres == null) {
            postgres = RESOLVER.postgres();
        }
        return postgres;
    }

    private static String propertyOrEnvironment(String name) {
        String property = System.getProperty(name);
        return property != null && !property.isBlank() ? property : System.getenv(name);
    }
}
