package io.aigw.routing.adapter.out.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aigw.api.usage.UsageEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/** Usage events reach a real Redis Stream in order, as exact JSON that billing can read back. */
class RedisStreamUsageEventsIT {

    @RegisterExtension
    static final TestRedis REDIS = new TestRedis();

    private final ReactiveStringRedisTemplate redis = REDIS.template();
    private final JsonMapper json = JsonMapper.builder().build();

    private static UsageEvent event(String id, String cost) {
        return new UsageEvent(
                id,
                "acme",
                "key-1",
                "auto",
                "cheap",
                "p",
                1,
                100,
                50,
                0,
                new BigDecimal(cost),
                BigDecimal.ZERO,
                new BigDecimal("0.01"),
                0,
                BigDecimal.ZERO,
                "miss",
                1,
                200,
                42,
                Instant.parse("2026-06-01T12:00:00Z"),
                new BigDecimal("0.15"),
                new BigDecimal("0.60"),
                null,
                null);
    }

    @Test
    void shouldAppendEveryEventInOrderWithExactDecimalsWhenRedisIsUp() {
        String stream = "it:usage:" + UUID.randomUUID();
        try (RedisStreamUsageEvents events = new RedisStreamUsageEvents(
                redis, stream, json, 100, Duration.ofMillis(200), new SimpleMeterRegistry(), Schedulers.parallel())) {
            for (int i = 0; i < 20; i++) {
                events.publish(event("req-" + i, "0.000000123456789" + i));
            }

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> redis.opsForStream().size(stream).block(), size -> size == 20);
        }

        List<UsageEvent> read = redis.opsForStream()
                .range(stream, Range.unbounded())
                .map(record -> json.readValue((String) record.getValue().get(UsageEvent.FIELD), UsageEvent.class))
                .collectList()
                .block(Duration.ofSeconds(5));
        assertThat(read)
                .extracting(UsageEvent::requestId)
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 20)
                        .mapToObj(i -> "req-" + i)
                        .toList());
        assertThat(read.get(7).costUsd()).isEqualTo(new BigDecimal("0.0000001234567897"));
        assertThat(read.get(7).timestamp()).isEqualTo(Instant.parse("2026-06-01T12:00:00Z"));
        redis.delete(stream).block(Duration.ofSeconds(5));
    }

    @Test
    void shouldKeepEventsInTheBacklogWhenRedisIsOutOfReach() {
        LettuceConnectionFactory dead = TestRedis.unreachable();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (RedisStreamUsageEvents events = new RedisStreamUsageEvents(
                new ReactiveStringRedisTemplate(dead),
                "it:dead",
                json,
                2,
                Duration.ofHours(1),
                meters,
                Schedulers.parallel())) {
            events.publish(event("a", "1"));
            events.publish(event("b", "1"));
            events.publish(event("c", "1"));

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> meters.get("aigw_usage_publish")
                                    .tag("result", "dropped")
                                    .counter()
                                    .count()
                            == 1);
            assertThat(meters.get("aigw_usage_publish_backlog").gauge().value()).isEqualTo(2);
        } finally {
            dead.destroy();
        }
    }
}
