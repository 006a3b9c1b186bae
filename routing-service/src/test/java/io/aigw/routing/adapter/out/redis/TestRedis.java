package io.aigw.routing.adapter.out.redis;

import io.aigw.testsupport.RedisEndpoint;
import io.aigw.testsupport.TestInfrastructure;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/** Started connection factories for the Redis adapters' ITs; the caller destroys them. */
final class TestRedis {

    private TestRedis() {}

    /** The test Redis (fails with how to provide one when there is none). */
    static LettuceConnectionFactory connect() {
        RedisEndpoint endpoint = TestInfrastructure.redis();
        return started(new RedisStandaloneConfiguration(endpoint.host(), endpoint.port()));
    }

    /** A port nothing listens on: every command is refused at once. */
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
