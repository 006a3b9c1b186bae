package io.aigw.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.aigw.api.usage.UsageEvent;
import io.aigw.billing.adapter.in.redis.UsageEvents;
import io.aigw.billing.application.UsageLedger;
import io.aigw.billing.domain.UsageRecord;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ledger fed by the real usage stream: redelivery counts once, prices are stamped exactly, and
 * poison entries land in the dead-letter stream, acknowledged.
 */
@SpringBootTest
class UsageLedgerIT {

    private static final String SCHEMA = "billing_usage_ledger_it";
    private static final String STREAM = RealInfrastructure.stream(SCHEMA);
    private static final String DEAD = STREAM + ":dead";
    private static final String REFUSED_TENANT = "refused-by-the-database";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, SCHEMA);
        registry.add("aigw.billing.usage.block", () -> "200ms");
        registry.add("aigw.billing.usage.linger", () -> "200ms");
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
    MeterRegistry meters;

    @Autowired
    UsageLedger ledger;

    @Test
    void shouldRecordOnceWhenTwoConsumersRecordTheSameRequestAtOnce() throws Exception {
        // given two consumers (one reclaimed the other's entry) recording the same request together
        ExecutorService consumers = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                String requestId = "race-" + UUID.randomUUID();
                UsageRecord record = UsageEvents.toRecord(
                        UsageEventsFixture.event(requestId, "acme", Instant.parse("2026-11-15T10:00:00Z")),
                        "1-" + round);
                CyclicBarrier together = new CyclicBarrier(2);
                Callable<UsageLedger.Outcome> recordIt = () -> {
                    together.await(10, TimeUnit.SECONDS);
                    return ledger.record(record);
                };

                // when both record it
                Future<UsageLedger.Outcome> first = consumers.submit(recordIt);
                Future<UsageLedger.Outcome> second = consumers.submit(recordIt);

                // then one records it and the other finds the row: one row, no error
                assertThat(List.of(first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS)))
                        .as("round %d", round)
                        .containsExactlyInAnyOrder(UsageLedger.Outcome.RECORDED, UsageLedger.Outcome.DUPLICATE);
                assertThat(jdbc.queryForObject(
                                "SELECT COUNT(*) FROM usage_ledger WHERE request_id = ?", Long.class, requestId))
                        .isEqualTo(1L);
            }
        } finally {
            consumers.shutdownNow();
        }
    }

    @Test
    void shouldTellRecordedFromDuplicateRowByRowWhenABatchIsRecorded() {
        // given one request in the ledger already, and a batch with it, two new ones and one of them twice
        Instant at = Instant.parse("2026-11-15T10:00:00Z");
        UsageRecord there = record("batch-" + UUID.randomUUID(), "acme", at, "1-0");
        ledger.record(there);
        UsageRecord first = record("batch-" + UUID.randomUUID(), "acme", at, "1-1");
        UsageRecord second = record("batch-" + UUID.randomUUID(), "acme", at, "1-2");

        // when the batch is recorded
        List<UsageLedger.Outcome> outcomes = ledger.recordAll(List.of(first, there, second, first));

        // then each outcome is the row's own, in order, and each request has one row with its own values
        assertThat(outcomes)
                .containsExactly(
                        UsageLedger.Outcome.RECORDED,
                        UsageLedger.Outcome.DUPLICATE,
                        UsageLedger.Outcome.RECORDED,
                        UsageLedger.Outcome.DUPLICATE);
        for (UsageRecord record : List.of(there, first, second)) {
            assertThat(jdbc.queryForObject(
                            "SELECT stream_entry_id FROM usage_ledger WHERE request_id = ?",
                            String.class,
                            record.requestId()))
                    .isEqualTo(record.streamEntryId());
        }
    }

    @Test
    void shouldWriteNothingOfABatchWhenTheDatabaseRefusesOneOfItsRows() {
        // given a batch with a row the database refuses (a check only this test's schema has)
        Instant at = Instant.parse("2026-11-15T10:00:00Z");
        UsageRecord good = record("batch-" + UUID.randomUUID(), "acme", at, "2-0");
        UsageRecord refused = record("batch-" + UUID.randomUUID(), REFUSED_TENANT, at, "2-1");
        refuseTenant();

        // when it is recorded, then it is refused whole and nothing of it is written
        assertThatThrownBy(() -> ledger.recordAll(List.of(good, refused)))
                .isInstanceOf(UsageLedger.Rejected.class)
                .hasMessageContaining("batch of 2");
        assertThat(rows(good.requestId())).isZero();
        // and one at a time the good row is written, and the refused one is named
        assertThat(ledger.record(good)).isEqualTo(UsageLedger.Outcome.RECORDED);
        assertThatThrownBy(() -> ledger.record(refused))
                .isInstanceOf(UsageLedger.Rejected.class)
                .hasMessageContaining(refused.requestId());
    }

    @Test
    void shouldRecordTheRestAndDeadLetterTheRowTheDatabaseRefusesWhenTheyArriveTogether() {
        // given three events on the stream, the middle one for a row the database refuses
        refuseTenant();
        Instant at = Instant.parse("2026-11-15T10:00:00Z");
        String before = "batch-" + UUID.randomUUID();
        String after = "batch-" + UUID.randomUUID();
        double deadBefore = counter("dead_lettered");
        publish(json.writeValueAsString(UsageEventsFixture.event(before, "acme", at)));
        RecordId refused = publish(
                json.writeValueAsString(UsageEventsFixture.event("batch-" + UUID.randomUUID(), REFUSED_TENANT, at)));
        publish(json.writeValueAsString(UsageEventsFixture.event(after, "acme", at)));

        // then the other two are recorded, the refused one is dead-lettered with the reason, all acked
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(rows(before) + rows(after)).isEqualTo(2L);
            assertThat(counter("dead_lettered")).isEqualTo(deadBefore + 1);
            assertThat(pending()).isZero();
        });
        assertThat(redis.opsForStream().range(DEAD, org.springframework.data.domain.Range.unbounded()))
                .anySatisfy(letter -> {
                    assertThat(letter.getValue()).containsEntry("source_id", refused.getValue());
                    assertThat((String) letter.getValue().get("reason")).startsWith("the ledger refuses request");
                });
    }

    @Test
    void shouldWriteEntriesThatArriveTogetherInOneTransaction() {
        // given a burst of events, published while the consumer waits after a read (linger 200 ms)
        Instant at = Instant.parse("2026-11-15T10:00:00Z");
        List<String> ids = new ArrayList<>();
        long batchesBefore = batches().count();
        double entriesBefore = batches().totalAmount();
        for (int i = 0; i < 20; i++) {
            String requestId = "burst-" + UUID.randomUUID();
            ids.add(requestId);
            publish(json.writeValueAsString(UsageEventsFixture.event(requestId, "acme", at)));
        }

        // then every one is recorded, and fewer ledger writes than entries carried them (the writes
        // are counted after their commit, so awaited as well)
        String inList = String.join(",", Collections.nCopies(ids.size(), "?"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(jdbc.queryForObject(
                            "SELECT COUNT(*) FROM usage_ledger WHERE request_id IN (" + inList + ")",
                            Long.class,
                            ids.toArray()))
                    .isEqualTo(20L);
            assertThat(batches().totalAmount() - entriesBefore).isGreaterThanOrEqualTo(20.0);
        });
        assertThat(batches().count() - batchesBefore).isBetween(1L, 19L);
    }

    @Test
    void shouldWriteOneRowWhenTheSameEventIsDeliveredTwice() {
        // given one request published twice (a producer retry)
        String requestId = "req-" + UUID.randomUUID();
        UsageEvent event = UsageEventsFixture.event(requestId, "acme", Instant.parse("2026-11-15T10:00:00Z"));
        double duplicatesBefore = counter("duplicate");

        // when both entries are consumed
        publish(json.writeValueAsString(event));
        publish(json.writeValueAsString(event));

        // then the ledger has one row, the second entry counted as a duplicate, and both are acked
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(counter("duplicate")).isEqualTo(duplicatesBefore + 1);
            assertThat(pending()).isZero();
        });
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM usage_ledger WHERE request_id = ?", Long.class, requestId))
                .isEqualTo(1L);
    }

    @Test
    void shouldStampThePricesOfTheEventWhenRecording() {
        String requestId = "req-" + UUID.randomUUID();
        UsageEvent event = UsageEventsFixture.event(requestId, "acme", Instant.parse("2026-11-15T23:59:59.5Z"));

        RecordId id = publish(json.writeValueAsString(event));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.queryForObject(
                                "SELECT COUNT(*) FROM usage_ledger WHERE request_id = ?", Long.class, requestId)
                        == 1L);
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM usage_ledger WHERE request_id = ?", requestId);
        assertThat((BigDecimal) row.get("input_price_per_mtok")).isEqualByComparingTo("0.15");
        assertThat((BigDecimal) row.get("output_price_per_mtok")).isEqualByComparingTo("0.60");
        assertThat((BigDecimal) row.get("cached_input_price_per_mtok")).isEqualByComparingTo("0.075");
        assertThat(((BigDecimal) row.get("cost_usd")).toPlainString()).isEqualTo("0.000345678912");
        assertThat(((BigDecimal) row.get("top_tier_cost_usd")).toPlainString()).isEqualTo("0.006000000000");
        assertThat(row.get("usage_day").toString()).isEqualTo("2026-11-15");
        assertThat(row.get("stream_entry_id")).isEqualTo(id.getValue());
        assertThat(row.get("prompt_tokens")).isEqualTo(1200L);
        assertThat(row.get("hold_id")).isEqualTo("hold-1");
    }

    @Test
    void shouldMovePoisonToTheDeadLettersWhenAnEntryCannotBeRecorded() {
        double deadBefore = counter("dead_lettered");
        String noTenant = json.writeValueAsString(
                UsageEventsFixture.event("req-" + UUID.randomUUID(), null, Instant.parse("2026-11-15T10:00:00Z")));

        RecordId unparseable = publish("{not json");
        RecordId invalid = publish(noTenant);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(counter("dead_lettered")).isEqualTo(deadBefore + 2);
            assertThat(pending()).isZero();
        });
        List<MapRecord<String, Object, Object>> letters =
                redis.opsForStream().range(DEAD, org.springframework.data.domain.Range.unbounded());
        assertThat(letters).anySatisfy(letter -> {
            assertThat(letter.getValue()).containsEntry("source_id", unparseable.getValue());
            assertThat(letter.getValue()).containsEntry("event", "{not json");
            assertThat((String) letter.getValue().get("reason")).startsWith("unparseable");
        });
        assertThat(letters).anySatisfy(letter -> {
            assertThat(letter.getValue()).containsEntry("source_id", invalid.getValue());
            assertThat(letter.getValue()).containsEntry("reason", "invalid tenant_id: tenant_id must be set");
        });
    }

    @Test
    void shouldExposeTheStreamMetricsWhenScraped() {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> meters.find("aigw.usage.stream.lag")
                                .tag("state", "pending")
                                .gauge()
                        != null);
        assertThat(meters.find("aigw.usage.events").tag("result", "recorded").counter())
                .isNotNull();
    }

    private static UsageRecord record(String requestId, String tenant, Instant at, String entryId) {
        return UsageEvents.toRecord(UsageEventsFixture.event(requestId, tenant, at), entryId);
    }

    /** A check in this test's own schema, so that the database refuses a row the record allows. */
    private void refuseTenant() {
        jdbc.execute("ALTER TABLE usage_ledger DROP CONSTRAINT IF EXISTS test_refused_tenant");
        jdbc.execute("ALTER TABLE usage_ledger ADD CONSTRAINT test_refused_tenant CHECK (tenant_id <> '"
                + REFUSED_TENANT + "')");
    }

    private long rows(String requestId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM usage_ledger WHERE request_id = ?", Long.class, requestId);
    }

    private RecordId publish(String value) {
        return redis.opsForStream().add(MapRecord.create(STREAM, Map.of(UsageEvent.FIELD, value)));
    }

    private long pending() {
        return redis.opsForStream().pending(STREAM, "billing").getTotalPendingMessages();
    }

    private DistributionSummary batches() {
        return meters.get("aigw.usage.batch").summary();
    }

    private double counter(String result) {
        var counter = meters.find("aigw.usage.events").tag("result", result).counter();
        return counter == null ? 0 : counter.count();
    }
}
