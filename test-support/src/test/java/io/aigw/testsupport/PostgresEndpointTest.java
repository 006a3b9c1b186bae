package io.aigw.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PostgresEndpointTest {

    @Test
    void shouldReadCredentialsWhenQueryCarriesThem() {
        PostgresEndpoint endpoint =
                PostgresEndpoint.parse("jdbc:postgresql://127.0.0.1:5432/aigw_test?user=aigw&password=p%40ss");

        assertThat(endpoint.user()).isEqualTo("aigw");
        assertThat(endpoint.password()).isEqualTo("p@ss");
        assertThat(endpoint.jdbcUrl())
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/aigw_test?user=aigw&password=p%40ss");
    }

    @Test
    void shouldDefaultToPostgresWithoutPasswordWhenQueryIsAbsent() {
        PostgresEndpoint endpoint = PostgresEndpoint.parse("jdbc:postgresql://127.0.0.1:5432/aigw_test");

        assertThat(endpoint.user()).isEqualTo("postgres");
        assertThat(endpoint.password()).isEmpty();
    }

    @Test
    void shouldNameTheValueWhenUrlIsNotPostgresJdbc() {
        assertThatThrownBy(() -> PostgresEndpoint.parse("postgresql://127.0.0.1:5432/aigw_test"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'postgresql://127.0.0.1:5432/aigw_test'");
    }

    @Test
    void shouldAddOrReplaceParameterWhenSettingSchema() {
        assertThat(PostgresEndpoint.withParameter("jdbc:postgresql://h/db", "currentSchema", "a,public"))
                .isEqualTo("jdbc:postgresql://h/db?currentSchema=a,public");
        assertThat(PostgresEndpoint.withParameter(
                        "jdbc:postgresql://h/db?user=u&currentSchema=old&ssl=false", "currentSchema", "b,public"))
                .isEqualTo("jdbc:postgresql://h/db?user=u&ssl=false&currentSchema=b,public");
    }

    @Test
    void shouldRejectSchemaNameWhenNotAPlainIdentifier() {
        PostgresEndpoint endpoint = PostgresEndpoint.parse("jdbc:postgresql://127.0.0.1:1/none");

        // rejected before any connection is attempted
        assertThatThrownBy(() -> endpoint.freshSchema("Robert'); DROP TABLE x;--"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Robert'); DROP TABLE x;--'");
        assertThatThrownBy(() -> endpoint.freshSchema("public")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> endpoint.freshSchema("pg_temp")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldHidePasswordWhenPrinted() {
        PostgresEndpoint endpoint = PostgresEndpoint.parse("jdbc:postgresql://h/db?user=u&password=s3cret");

        assertThat(endpoint.toString()).doesNotContain("s3cret").contains("password=***");
    }
}
