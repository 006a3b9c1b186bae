package io.aigw.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class InfrastructureResolverTest {

    private static final RedisEndpoint CONTAINER_REDIS = RedisEndpoint.of("docker-host", 32768);
    private static final PostgresEndpoint CONTAINER_POSTGRES =
            new PostgresEndpoint("jdbc:postgresql://docker-host:32769/aigw_test", "test", "test");

    private final AtomicInteger containerStarts = new AtomicInteger();

    @Test
    void shouldExplainHowToProvideRedisWhenNoVariableAndNoDocker() {
        // given
        InfrastructureResolver resolver = resolver(Map.of(), false);

        // when / then
        assertThatThrownBy(resolver::redis)
                .isInstanceOf(InfrastructureUnavailableException.class)
                .hasMessageContaining("run `eval \"$(scripts/ensure-test-infra.sh)\"`"
                        + " or set AIGW_TEST_REDIS_URL=redis://127.0.0.1:6379,"
                        + " or start a Docker engine for Testcontainers");
        assertThat(containerStarts).hasValue(0);
    }

    @Test
    void shouldExplainHowToProvidePostgresWhenNoVariableAndNoDocker() {
        InfrastructureResolver resolver = resolver(Map.of(), false);

        assertThatThrownBy(resolver::postgres)
                .isInstanceOf(InfrastructureUnavailableException.class)
                .hasMessageContaining("run `eval \"$(scripts/ensure-test-infra.sh)\"`")
                .hasMessageContaining("AIGW_TEST_POSTGRES_URL=jdbc:postgresql://127.0.0.1:5432/aigw_test?user=postgres")
                .hasMessageContaining("start a Docker engine for Testcontainers");
    }

    @Test
    void shouldTreatBlankVariableAsUnset() {
        InfrastructureResolver resolver = resolver(Map.of("AIGW_TEST_REDIS_URL", "  "), false);

        assertThatThrownBy(resolver::selectRedis).isInstanceOf(InfrastructureUnavailableException.class);
    }

    @Test
    void shouldPreferVariableOverContainersWhenBothExist() {
        InfrastructureResolver resolver = resolver(
                Map.of(
                        "AIGW_TEST_REDIS_URL", " redis://10.0.0.5:6390 ",
                        "AIGW_TEST_POSTGRES_URL", "jdbc:postgresql://10.0.0.6:5433/aigw_test?user=ci"),
                true);

        assertThat(resolver.selectRedis()).isEqualTo(RedisEndpoint.parse("redis://10.0.0.5:6390"));
        assertThat(resolver.selectPostgres().user()).isEqualTo("ci");
        assertThat(containerStarts).hasValue(0);
    }

    @Test
    void shouldUseContainersWhenNoVariableAndDockerAnswers() {
        InfrastructureResolver resolver = resolver(Map.of(), true);

        assertThat(resolver.selectRedis()).isEqualTo(CONTAINER_REDIS);
        assertThat(resolver.selectPostgres()).isEqualTo(CONTAINER_POSTGRES);
        assertThat(containerStarts).hasValue(2);
    }

    @Test
    void shouldFailNamingTheScriptWhenConfiguredRedisDoesNotAnswer() {
        // port 1 on loopback: nothing listens, the connection is refused at once
        InfrastructureResolver resolver = resolver(Map.of("AIGW_TEST_REDIS_URL", "redis://127.0.0.1:1"), false);

        assertThatThrownBy(resolver::redis)
                .isInstanceOf(InfrastructureUnavailableException.class)
                .hasMessageContaining("redis://127.0.0.1:1")
                .hasMessageContaining("does not answer PING")
                .hasMessageContaining("scripts/ensure-test-infra.sh");
    }

    @Test
    void shouldFailNamingTheScriptWhenConfiguredPostgresRefusesConnections() {
        InfrastructureResolver resolver =
                resolver(Map.of("AIGW_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:1/aigw_test"), false);

        assertThatThrownBy(resolver::postgres)
                .isInstanceOf(InfrastructureUnavailableException.class)
                .hasMessageContaining("does not accept a connection")
                .hasMessageContaining("scripts/ensure-test-infra.sh");
    }

    private InfrastructureResolver resolver(Map<String, String> variables, boolean docker) {
        return new InfrastructureResolver(
                variables::get, () -> docker, counting(CONTAINER_REDIS), counting(CONTAINER_POSTGRES));
    }

    private <T> Supplier<T> counting(T endpoint) {
        return () -> {
            containerStarts.incrementAndGet();
            return endpoint;
        };
    }
}
