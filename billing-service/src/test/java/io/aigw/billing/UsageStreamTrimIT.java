package io.aigw.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aigw.billing.adapter.in.redis.UsageStreamMetrics;
import io.aigw.billing.application.UsageRecorder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The consumer deletes the usage entries every group is done with, and nothing a group still has
 * pending or has not read yet.
 */
@SpringBootTest(properties = "aigw.billing.usage.enabled=false")
class UsageStreamTrimIT {

    private static final String SCHEMA = "billing_usage_trim_it";
    private static final String STREAM = RealInfrastructure.stream(SCHEMA);
    private static final String OTHER_STREAM = STREAM + ":two-groups";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, SCHEMA);
    }

    @AfterAll
    static void forgetRedisState() {
        RealInfrastructure.forget(STREAM, "acme");
        RealInfrastructure.forget(OTHER_STREAM, "acme");
    }

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    JsonMapper json;

    @Autowired
    UsageRecorder recorder;

    @Autowired
    UsageStreamMetrics metrics;

    private RecordId add(String stream) {
        return UsageEventsFixture.publish(redis, json, stream, "req-" + UUID.randomUUID());
    }

    private TestUsageConsumer consumer(String stream) {
        return TestUsageConsumer.start(
                TestUsageConsumer.settings(
                        stream,
                        "billing-b",
                        // far longer than the test: consumer A's pending entry stays A's
                        Duration.ofHours(1),
                        Duration.ofMillis(100),
                        Duration.ofMillis(100),
                        Duration.ofSeconds(1)),
                recorder,
                metrics,
                json);
    }

    private List<String> ids(String stream) {
        List<String> ids = new ArrayList<>();
        redis.opsForStream()
                .range(stream, Range.unbounded())
                .forEach(r -> ids.add(r.getId().getValue()));
        return ids;
    }

    @Test
    void shouldTrimWhatIsRecordedUpToTheOldestEntryStillPending() {
        redis.opsForStream().createGroup(STREAM, ReadOffset.from("0"), "billing");
        add(STREAM);
        add(STREAM);
        RecordId stillPending = add(STREAM);
        // consumer A reads all three, acknowledges the first two and dies with the third pending
        List<MapRecord<String, Object, Object>> readByA = redis.opsForStream()
                .read(
                        Consumer.from("billing", "billing-a"),
                        StreamReadOptions.empty().count(10),
                        StreamOffset.create(STREAM, ReadOffset.lastConsumed()));
        assertThat(readByA).hasSize(3);
        redis.opsForStream()
                .acknowledge(
                        STREAM,
                        "billing",
                        readByA.get(0).getId(),
                        readByA.get(1).getId());
        RecordId fourth = add(STREAM);
        RecordId fifth = add(STREAM);

        try (TestUsageConsumer consumerB = consumer(STREAM)) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ids(STREAM))
                    .containsExactly(stillPending.getValue(), fourth.getValue(), fifth.getValue()));
        }
    }

    @Test
    void shouldKeepWhatAnotherGroupHasNotReadYet() {
        redis.opsForStream().createGroup(OTHER_STREAM, ReadOffset.from("0"), "billing");
        redis.opsForStream().createGroup(OTHER_STREAM, ReadOffset.from("0"), "another-deployment");
        add(OTHER_STREAM);
        add(OTHER_STREAM);

        try (TestUsageConsumer consumerB = consumer(OTHER_STREAM)) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> redis.opsForStream()
                                            .pending(OTHER_STREAM, "billing")
                                            .getTotalPendingMessages()
                                    == 0
                            && redis.opsForStream().groups(OTHER_STREAM).stream()
                                    .anyMatch(group -> group.groupName().equals("billing")
                                            && group.lastDeliveredId()
                                                    .equals(ids(OTHER_STREAM).get(1))));
            // a few more trim rounds: still whole, because the other group has read nothing
            await().pollDelay(Duration.ofMillis(500)).until(() -> true);
            assertThat(ids(OTHER_STREAM)).hasSize(2);
        }
    }
}
