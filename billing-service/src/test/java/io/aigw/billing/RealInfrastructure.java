package io.aigw.billing;

import io.aigw.testsupport.PostgresEndpoint;
import io.aigw.testsupport.TestInfrastructure;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points a Spring test at its own fresh PostgreSQL schema, the test Redis (docs/testing.md) and a
 * usage stream of its own, so parallel builds sharing one Redis never read each other's events.
 */
final class RealInfrastructure {

    static final String ADMIN_TOKEN = "test-admin-token";
    static final String INTERNAL_TOKEN = "test-internal-token";

    private RealInfrastructure() {}

    static void register(DynamicPropertyRegistry registry, String schema) {
        PostgresEndpoint db;
        try {
            db = TestInfrastructure.postgres().freshSchema(schema);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create schema " + schema, e);
        }
        registry.add("spring.datasource.url", db::jdbcUrl);
        registry.add("spring.datasource.username", db::user);
        registry.add("spring.datasource.password", db::password);
        registry.add("spring.data.redis.url", () -> TestInfrastructure.redis().url());
        registry.add("aigw.billing.admin-token", () -> ADMIN_TOKEN);
        registry.add("aigw.internal.token", () -> INTERNAL_TOKEN);
        registry.add("aigw.billing.usage.stream", () -> stream(schema));
        registry.add("aigw.billing.usage.dead-letter-stream", () -> stream(schema) + ":dead");
    }

    /**
     * Leaves the shared Redis as it was found: the test's streams expire a few minutes later (not at
     * once, so a consumer still running in a cached context does not fail), the tenants' budget
     * counters go now.
     */
    static void forget(String stream, String... tenants) {
        RedisClient client = RedisClient.create(TestInfrastructure.redis().url());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            RedisCommands<String, String> redis = connection.sync();
            redis.expire(stream, Duration.ofMinutes(5));
            redis.expire(stream + ":dead", Duration.ofMinutes(5));
            for (String tenant : tenants) {
                List<String> keys = redis.keys("aigw:budget:{" + tenant + "}:*");
                if (!keys.isEmpty()) {
                    redis.del(keys.toArray(String[]::new));
                }
            }
        } finally {
            client.shutdown();
        }
    }

    /** The usage stream of one test class. */
    static String stream(String schema) {
        return "aigw:usage:it:" + schema + ":" + PROCESS;
    }

    /** New per test JVM, so a stream left behind by an earlier run is never read again. */
    private static final String PROCESS = java.util.UUID.randomUUID().toString();
}
