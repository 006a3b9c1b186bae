package io.aigw.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RedisInfrastructureIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    @Test
    void shouldAnswerPingWhenProvided() throws Exception {
        RedisEndpoint redis = TestInfrastructure.redis();

        try (RespConnection connection = RespConnection.open(redis, TIMEOUT)) {
            assertThat(connection.command("PING")).isEqualTo("PONG");
        }
        assertThat(redis.url()).startsWith("redis://");
    }

    @Test
    void shouldReturnStoredValueWhenSetThenGet() throws Exception {
        // given a key no other test run uses, expiring on its own should cleanup be skipped
        String key = "aigw:test-support:" + UUID.randomUUID();
        String value = "héllo wörld " + UUID.randomUUID();

        try (RespConnection connection = RespConnection.open(TestInfrastructure.redis(), TIMEOUT)) {
            // when
            assertThat(connection.command("SET", key, value, "PX", "60000")).isEqualTo("OK");
            String read = connection.command("GET", key);
            String deleted = connection.command("DEL", key);

            // then
            assertThat(read).isEqualTo(value);
            assertThat(deleted).isEqualTo("1");
            assertThat(connection.command("GET", key)).isNull();
        }
    }

    @Test
    void shouldReturnSameEndpointWhenAskedTwice() {
        assertThat(TestInfrastructure.redis()).isSameAs(TestInfrastructure.redis());
    }
}
