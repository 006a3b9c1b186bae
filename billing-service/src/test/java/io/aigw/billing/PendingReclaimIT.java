package io.aigw.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aigw.billing.adapter.in.redis.UsageStreamMetrics;
import io.aigw.billing.application.UsageRecorder;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * A consumer that read an entry and died before acknowledging it does not lose the entry: another
 * consumer claims it once it has been idle long enough, writes the row and acknowledges it.
 */
@SpringBootTest(properties = "aigw.billing.usage.enabled=false")
class PendingReclaimIT {

    private static final String SCHEMA = "billing_pending_reclaim_it";
    private static final String STREAM = RealInfrastructure.stream(SCHEMA);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, SCHEMA);
    }

    @AfterAll
    static void forgetRedisState() {
        RealInfrastructure.forget(STREAM, "acme");
    }

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UsageRecorder recorder;

    @Autowired
    UsageStreamMetrics metrics;

    @Test
    void shouldRecordTheEntryWhenItsConsumerDiedBeforeAcknowledging() {
        // given consumer A read an entry and died without acknowledging it
        String requestId = "req-" + UUID.randomUUID();
        redis.opsForStream().createGroup(STREAM, ReadOffset.from("0"), "billing");
        UsageEventsFixture.publish(redis, json, STREAM, requestId);
        List<MapRecord<String, Object, Object>> readByA = redis.opsForStream()
                .read(
                        Consumer.from("billing", "billing-a"),
                        StreamReadOptions.empty().count(10),
                        StreamOffset.create(STREAM, ReadOffset.lastConsumed()));
        assertThat(readByA).hasSize(1);
        assertThat(redis.opsForStream().pending(STREAM, "billing").getTotalPendingMessages())
                .isEqualTo(1);

        // when consumer B runs with a short idle threshold
        try (TestUsageConsumer consumerB = TestUsageConsumer.start(
                TestUsageConsumer.settings(
                        STREAM,
                        "billing-b",
                        Duration.ofMillis(300),
                        Duration.ofMillis(100),
                        Duration.ofMillis(100),
                        Duration.ofSeconds(1)),
                recorder,
                metrics,
                json)) {
            // then B claims it, writes the row and acknowledges it
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(jdbc.queryForObject(
                                "SELECT COUNT(*) FROM usage_ledger WHERE request_id = ?", Long.class, requestId))
                        .isEqualTo(1L);
                assertThat(redis.opsForStream().pending(STREAM, "billing").getTotalPendingMessages())
                        .isZero();
            });
        }
    }
}
