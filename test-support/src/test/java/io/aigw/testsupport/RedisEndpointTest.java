package io.aigw.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RedisEndpointTest {

    @Test
    void shouldReadHostAndPortWhenUrlIsPlain() {
        RedisEndpoint endpoint = RedisEndpoint.parse("redis://127.0.0.1:6380");

        assertThat(endpoint.host()).isEqualTo("127.0.0.1");
        assertThat(endpoint.port()).isEqualTo(6380);
        assertThat(endpoint.url()).isEqualTo("redis://127.0.0.1:6380");
        assertThat(endpoint.userInfo()).isNull();
    }

    @Test
    void shouldDefaultTo6379WhenUrlHasNoPort() {
        assertThat(RedisEndpoint.parse("redis://cache.internal/2").port()).isEqualTo(6379);
    }

    @Test
    void shouldStripBracketsWhenHostIsIpv6() {
        RedisEndpoint endpoint = RedisEndpoint.parse("redis://[::1]:6379");

        assertThat(endpoint.host()).isEqualTo("::1");
        assertThat(RedisEndpoint.of("::1", 6379).url()).isEqualTo("redis://[::1]:6379");
    }

    @Test
    void shouldKeepCredentialsButHideThemWhenPrinted() {
        RedisEndpoint endpoint = RedisEndpoint.parse("redis://default:s3cret@127.0.0.1:6379");

        assertThat(endpoint.userInfo()).isEqualTo("default:s3cret");
        assertThat(endpoint.toString()).doesNotContain("s3cret").contains("***@127.0.0.1");
    }

    @Test
    void shouldNameTheValueWhenUrlIsNotRedis() {
        assertThatThrownBy(() -> RedisEndpoint.parse("http://127.0.0.1:6379"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'http://127.0.0.1:6379'");
        assertThatThrownBy(() -> RedisEndpoint.parse("127.0.0.1:6379")).isInstanceOf(IllegalArgumentException.class);
    }
}
