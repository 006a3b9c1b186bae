package io.aigw.scaler.adapter.out.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aigw.api.policy.RoutingPolicy;
import io.aigw.testsupport.TestInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Against the real Redis: the policy lands under aigw:policy with an increasing version, announced on
 * aigw:policy:changed. Database 15, so routing tests on the same shared Redis never read it.
 */
class RedisPolicyPublisherIT {

    LettuceConnectionFactory factory;
    StringRedisTemplate redis;
    RedisMessageListenerContainer listener;
    final List<String> announced = new CopyOnWriteArrayList<>();
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void connect() {
        var endpoint = TestInfrastructure.redis();
        RedisStandaloneConfiguration config = new RedisStandaloneConfiguration(endpoint.host(), endpoint.port());
        config.setDatabase(15);
        factory = new LettuceConnectionFactory(config);
        factory.afterPropertiesSet();
        factory.start();
        redis = new StringRedisTemplate(factory);
        redis.delete(RoutingPolicy.KEY);
        listener = new RedisMessageListenerContainer();
        listener.setConnectionFactory(factory);
        // the container hands each message to a new thread by default, which may reorder them; one
        // thread keeps the order Redis delivered them in, the order this test checks
        listener.setTaskExecutor(new org.springframework.core.task.SyncTaskExecutor());
        listener.addMessageListener(
                (message, pattern) -> announced.add(new String(message.getBody())),
                new ChannelTopic(RoutingPolicy.CHANNEL));
        listener.afterPropertiesSet();
        listener.start();
        await().atMost(Duration.ofSeconds(10)).until(listener::isListening);
    }

    @AfterEach
    void close() throws Exception {
        redis.delete(RoutingPolicy.KEY);
        listener.stop();
        listener.destroy();
        factory.destroy();
    }

    static RoutingPolicy policy(long version, Integer maxTier, List<String> degraded) {
        return new RoutingPolicy(
                version, Instant.parse("2026-01-05T10:00:00Z"), maxTier, Map.of("free", 1), Map.of(), degraded, "test");
    }

    @Test
    void shouldStoreThePolicyAndAnnounceItsVersionWhenPublished() throws Exception {
        // given
        RedisPolicyPublisher publisher = new RedisPolicyPublisher(redis, json);
        assertThat(publisher.currentVersion()).isZero();

        // when
        boolean first = publisher.publish(policy(publisher.currentVersion() + 1, 2, List.of("openai")));
        boolean second = publisher.publish(policy(publisher.currentVersion() + 1, null, List.of()));

        // then
        assertThat(first).isTrue();
        assertThat(second).isTrue();
        assertThat(publisher.currentVersion()).isEqualTo(2);
        RoutingPolicy stored = json.readValue(redis.opsForValue().get(RoutingPolicy.KEY), RoutingPolicy.class);
        assertThat(stored.version()).isEqualTo(2);
        assertThat(stored.maxTier()).isNull();
        assertThat(stored.maxTierByPlan()).isEqualTo(Map.of("free", 1));
        assertThat(stored.issuedAt()).isEqualTo(Instant.parse("2026-01-05T10:00:00Z"));
        await().atMost(Duration.ofSeconds(10)).until(() -> announced.size() >= 2);
        assertThat(announced).containsExactly("1", "2");
    }

    @Test
    void shouldRefuseAVersionThatIsNotHigherWhenAnotherScalerPublishedFirst() throws Exception {
        // given version 5 is stored
        RedisPolicyPublisher publisher = new RedisPolicyPublisher(redis, json);
        publisher.publish(policy(5, 2, List.of()));

        // when a stale scaler tries version 4
        boolean stale = publisher.publish(policy(4, null, List.of()));

        // then
        assertThat(stale).isFalse();
        assertThat(publisher.currentVersion()).isEqualTo(5);
        assertThat(redis.opsForValue().get(RoutingPolicy.KEY)).contains("\"max_tier\":2");
    }
}
