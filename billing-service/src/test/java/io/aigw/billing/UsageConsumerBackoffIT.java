package io.aigw.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aigw.billing.adapter.in.redis.UsageStreamMetrics;
import io.aigw.billing.application.UsageLedger;
import io.aigw.billing.application.UsageRecorder;
import io.aigw.billing.domain.UsageRecord;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * While the ledger fails, the consumer waits longer after each failure instead of retrying at its
 * shortest interval (Redis still answers, so a reset on connect kept it spinning); once the ledger
 * is back, the entry is recorded.
 */
@SpringBootTest(properties = "aigw.billing.usage.enabled=false")
class UsageConsumerBackoffIT {

    private static final String SCHEMA = "billing_consumer_backoff_it";
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
    void shouldBackOffWhileTheLedgerFailsAndRecordTheEntryOnceItIsBack() throws Exception {
        String requestId = "req-" + UUID.randomUUID();
        UsageEventsFixture.publish(redis, json, STREAM, requestId);
        AtomicBoolean ledgerDown = new AtomicBoolean(true);
        AtomicInteger attempts = new AtomicInteger();
        UsageRecorder flaky = new UsageRecorder(null, null) {
            @Override
            public UsageLedger.Outcome record(UsageRecord record) {
                attempts.incrementAndGet();
                if (ledgerDown.get()) {
                    throw new IllegalStateException("The database has been closed");
                }
                return recorder.record(record);
            }

            @Override
            public List<UsageLedger.Outcome> recordAll(List<UsageRecord> records) {
                attempts.incrementAndGet();
                if (ledgerDown.get()) {
                    throw new IllegalStateException("The database has been closed");
                }
                return recorder.recordAll(records);
            }
        };
        try (TestUsageConsumer consumer = TestUsageConsumer.start(
                TestUsageConsumer.settings(
                        STREAM,
                        "billing-backoff",
                        Duration.ofMillis(300),
                        Duration.ofSeconds(10),
                        Duration.ofMillis(50),
                        Duration.ofMillis(800)),
                flaky,
                metrics,
                json)) {
            Thread.sleep(3_000);
            // 50, 100, 200, 400, 800, 800 ms: about 7 tries in 3 s; at a constant 50 ms it was dozens
            assertThat(attempts.get()).isBetween(2, 12);

            ledgerDown.set(false);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> jdbc.queryForObject(
                                    "SELECT COUNT(*) FROM usage_ledger WHERE request_id = ?", Long.class, requestId)
                            == 1L);
        }
    }
}
