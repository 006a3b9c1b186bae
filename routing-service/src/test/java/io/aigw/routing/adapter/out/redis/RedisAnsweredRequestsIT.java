package io.aigw.routing.adapter.out.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aigw.routing.application.learned.AnsweredRequest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/** Answered requests against a real Redis: remembered whole, with their expiry, and found again. */
class RedisAnsweredRequestsIT {

    @RegisterExtension
    static final TestRedis REDIS = new TestRedis();

    private final ReactiveStringRedisTemplate redis = REDIS.template();

    private final String prefix = "it:answered:" + UUID.randomUUID() + ":";

    @Test
    void shouldFindTheAnsweredRequestWithItsExpiryWhenRemembered() {
        RedisAnsweredRequests answered = new RedisAnsweredRequests(redis, prefix, Duration.ofMinutes(10));
        AnsweredRequest request = new AnsweredRequest("req-1", "acme", "gpt-4o-mini", 1, "what is 2 + 2?");

        answered.remember(request);

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(answered.find("req-1").block(Duration.ofSeconds(5)))
                        .isEqualTo(request));
        Duration ttl = redis.getExpire(prefix + "req-1").block(Duration.ofSeconds(5));
        assertThat(ttl).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void shouldFindNothingWhenTheRequestWasNotRemembered() {
        RedisAnsweredRequests answered = new RedisAnsweredRequests(redis, prefix, Duration.ofMinutes(10));

        assertThat(answered.find("never").blockOptional(Duration.ofSeconds(5))).isEmpty();
    }
}
