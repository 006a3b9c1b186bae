package io.aigw.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UsageRecordTest {

    @Test
    void shouldCountAnAbsentAmountAsZeroWhenTheEventOmitsIt() {
        UsageRecord record = record("acme", null, "miss", Instant.parse("2026-11-15T10:00:00Z"));

        assertThat(record.savedUsd()).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void shouldBelongToTheUtcDayWhenFinishingJustBeforeMidnight() {
        UsageRecord record = record("acme", BigDecimal.ZERO, "hit-semantic", Instant.parse("2026-11-15T23:59:59.999Z"));

        assertThat(record.day()).hasToString("2026-11-15");
        assertThat(record.cacheHit()).isTrue();
    }

    @Test
    void shouldNameTheFieldWhenTheTenantIsMissing() {
        assertThatThrownBy(() -> record(" ", BigDecimal.ZERO, "miss", Instant.EPOCH))
                .isInstanceOfSatisfying(BillingException.InvalidInput.class, e -> assertThat(e.field())
                        .isEqualTo("tenant_id"));
    }

    @Test
    void shouldRefuseAmountsWhenTheLedgerWouldRoundThem() {
        assertThatThrownBy(() -> record("acme", new BigDecimal("0.0000000000001"), "miss", Instant.EPOCH))
                .isInstanceOfSatisfying(BillingException.InvalidInput.class, e -> assertThat(e.field())
                        .isEqualTo("saved_usd"));
        assertThatThrownBy(() -> record("acme", new BigDecimal("-0.01"), "miss", Instant.EPOCH))
                .isInstanceOf(BillingException.InvalidInput.class);
    }

    @Test
    void shouldRefuseAnUnknownCacheResultWhenRecording() {
        assertThatThrownBy(() -> record("acme", BigDecimal.ZERO, "maybe", Instant.EPOCH))
                .isInstanceOfSatisfying(BillingException.InvalidInput.class, e -> assertThat(e.field())
                        .isEqualTo("cache"));
    }

    private static UsageRecord record(String tenant, BigDecimal saved, String cache, Instant at) {
        return new UsageRecord(
                "req-1",
                tenant,
                Optional.empty(),
                Optional.empty(),
                Optional.of("gpt-4o-mini"),
                Optional.of("openai"),
                1,
                10,
                5,
                0,
                new BigDecimal("0.000001"),
                saved,
                null,
                0,
                null,
                cache,
                1,
                200,
                10,
                at,
                Optional.of(new BigDecimal("0.15")),
                Optional.of(new BigDecimal("0.60")),
                Optional.empty(),
                Optional.empty(),
                "1-0");
    }
}
