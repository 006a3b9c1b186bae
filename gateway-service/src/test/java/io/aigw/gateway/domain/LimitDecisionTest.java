package io.aigw.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LimitDecisionTest {

    private static final Instant NOON = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void shouldReportTheTightestLimitOfEachKindWhenScopesAndDaysDiffer() {
        // given: the key's minute has 1 request left, the tenant's day 5; tokens: the tenant's day is tighter
        Plan tenant = new Plan(100, 10_000, 10, 1_000);
        Plan key = new Plan(3, 0, 0, 0);
        List<ScopeUsage> usages = List.of(
                new ScopeUsage(tenant, 2, 300, Duration.ofSeconds(40), 5, 900),
                new ScopeUsage(key, 2, 300, Duration.ofSeconds(40), 2, 300));

        // when
        RateLimitStatus status =
                LimitDecision.granted(Duration.ofHours(12), usages).status();

        // then
        assertThat(status.requests()).hasValue(new RateLimitStatus.Allowance(3, 1, Duration.ofSeconds(40)));
        assertThat(status.tokens()).hasValue(new RateLimitStatus.Allowance(1_000, 100, Duration.ofHours(12)));
    }

    @Test
    void shouldGiveBackTheDifferenceInTheHeadersWhenTheAnswerUsedLessThanItsEstimate() {
        // given
        RateLimitStatus status = LimitDecision.granted(
                        Duration.ofHours(1),
                        List.of(new ScopeUsage(new Plan(0, 1000, 0, 0), 1, 300, Duration.ofSeconds(60), 1, 300)))
                .status();

        // when
        RateLimitStatus settled = status.afterSettling(300, 30);

        // then
        assertThat(settled.tokens()).hasValue(new RateLimitStatus.Allowance(1000, 970, Duration.ofSeconds(60)));
        assertThat(settled.requests()).isEmpty();
    }

    @Test
    void shouldNameTheScopeLimitAndUsageWhenExplainingARefusal() {
        // given
        LimitScope tenant = LimitScope.ofTenant("acme", new Plan(2, 1000, 0, 50));
        LimitScope key = LimitScope.ofKey("acme", "k1", new Plan(0, 0, 0, 50));
        ScopeUsage used = new ScopeUsage(tenant.plan(), 2, 40, Duration.ofSeconds(5), 2, 40);
        ScopeUsage keyUsed = new ScopeUsage(key.plan(), 2, 40, Duration.ofSeconds(5), 2, 40);

        // when
        String rpm = LimitDecision.refused(
                        LimitKind.RPM, 0, Duration.ofSeconds(5), Duration.ZERO, List.of(used, keyUsed))
                .explain(List.of(tenant, key), 20);
        String tpd = LimitDecision.refused(
                        LimitKind.TOKENS_PER_DAY, 1, Duration.ofHours(1), Duration.ofHours(1), List.of(used, keyUsed))
                .explain(List.of(tenant, key), 20);

        // then
        assertThat(rpm)
                .isEqualTo(
                        "Rate limit reached for tenant acme on requests per minute (RPM): Limit 2, Used 2, Requested 1.");
        assertThat(tpd)
                .isEqualTo("Daily quota reached for key k1 of tenant acme on tokens per day (TPD): Limit 50, Used 40,"
                        + " Requested 20. The quota resets at 00:00 UTC.");
    }

    @Test
    void shouldRoundTheWaitUpToWholeSecondsWhenGivingRetryAfter() {
        // given
        LimitDecision refused =
                LimitDecision.refused(LimitKind.RPM, 0, Duration.ofMillis(1_001), Duration.ZERO, List.of());

        // when / then
        assertThat(refused.retryAfterSeconds()).isEqualTo(2);
        assertThat(UtcDay.of(NOON).untilEnd(NOON)).isEqualTo(Duration.ofHours(12));
    }
}
