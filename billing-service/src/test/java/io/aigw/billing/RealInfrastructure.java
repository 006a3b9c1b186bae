package io.aigw.billing;

import io.aigw.testsupport.PostgresEndpoint;
import io.aigw.testsupport.TestInfrastructure;
import java.sql.SQLException;
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

    /** The usage stream of one test class. */
    static String stream(String schema) {
        return "aigw:usage:it:" + schema + ":" + PROCESS;
    }

    /** New per test JVM, so a stream left behind by an earlier run is never read again. */
    private static final String PROCESS = java.util.UUID.randomUUID().toString();
}
