package io.aigw.routing.adapter.out.redis;

import io.aigw.testsupport.RedisEndpoint;
import io.aigw.testsupport.TestInfrastructure;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * The test Redis for the Redis adapters' ITs, as a {@code static @RegisterExtension} field: connected
 * before the class's tests (failing with how to provide one when there is none), closed after them.
 */
final class TestRedis implements BeforeAllCallback, AfterAllCallback {

    private LettuceConnectionFactory factory;
    private ReactiveStringRedisTemplate template;

    @Override
    public void beforeAll(ExtensionContext context) {
        RedisEndpoint endpoint = TestInfrastructure.redis();
        factory = started(new RedisStandaloneConfiguration(endpoint.host(), endpoint.port()));
        template = new ReactiveStringRedisTemplate(factory);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (factory != null) {
            factory.destroy();
        }
    }

    /** A template on the test Redis, shared by the class's tests. */
    ReactiveStringRedisTemplate template() {
        return template;
    }

    /** A port nothing listens on: every command is refused at once. The caller destroys it. */
    static LettuceConnectionFactory unreachable() {
        return started(new RedisStandaloneConfiguration("127.0.0.1", 1));
    }

    private static LettuceConnectionFactory started(RedisStandaloneConfiguration configuration) {
        LettuceConnectionFactory factory = new LettuceConnectionFactory(configuration);
        factory.afterPropertiesSet();
        factory.start();
        return factory;
    }
}
