package io.aigw.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.aigw.testsupport.PostgresEndpoint;
import io.aigw.testsupport.TestInfrastructure;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * billing starts on a database whose schema already holds another service's tables (cache-service
 * migrates its own, with its own history table, into the same database in docker compose and the
 * reliability suite), and still runs every one of its migrations.
 */
@SpringBootTest
class SharedDatabaseIT {

    private static final String SCHEMA = "billing_shared_database_it";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws SQLException {
        RealInfrastructure.register(registry, SCHEMA);
        PostgresEndpoint db = TestInfrastructure.postgres().freshSchema(SCHEMA);
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                Statement statement = connection.createStatement()) {
            // what cache-service leaves in a schema it shares: its own history table and an entries table
            statement.execute("CREATE TABLE cache_flyway_history (installed_rank INT PRIMARY KEY)");
            statement.execute("CREATE TABLE semantic_entries_of_another_service (id BIGINT PRIMARY KEY)");
        }
    }

    @AfterAll
    static void forgetRedisState() {
        RealInfrastructure.forget(RealInfrastructure.stream(SCHEMA));
    }

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldRunEveryMigrationWhenTheSchemaAlreadyHoldsAnotherServicesTables() {
        assertThat(jdbc.queryForList(
                        "SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank",
                        String.class))
                .containsSubsequence("0", "1", "2");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM usage_ledger", Long.class))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM semantic_entries_of_another_service", Long.class))
                .isZero();
    }
}
