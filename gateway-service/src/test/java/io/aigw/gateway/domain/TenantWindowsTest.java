package io.aigw.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class TenantWindowsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);
    private final TenantWindows windows = new TenantWindows();

    private static Instant at(long seconds) {
        return CLOCK.instant().plusSeconds(seconds);
    }

    private static List<LimitScope> tenant(Plan plan) {
        return List.of(LimitScope.ofTenant("acme", plan));
    }

    @Test
    void shouldGrantAndCountTheRequestWhenEveryLimitHasRoom() {
        // given
        List<LimitScope> scopes = tenant(new Plan(2, 1000, 10, 10_000));

        // when
        LimitDecision decision = windows.reserve(scopes, "r1", 100, at(0));

        // then
        assertThat(decision.granted()).isTrue();
        assertThat(decision.usages())
                .containsExactly(new ScopeUsage(scopes.get(0).plan(), 1, 100, Duration.ofMinutes(1), 1, 100));
        assertThat(decision.dayReset()).isEqualTo(Duration.ofHours(12));
    }

    @Test
    void shouldRefuseUntilTheOldestRequestLeavesWhenTheRequestsPerMinuteAreUsed() {
        // given
        List<LimitScope> scopes = tenant(new Plan(2, 0, 0, 0));
        windows.reserve(scopes, "a", 1, at(0));
        windows.reserve(scopes, "b", 1, at(10));

        // when
        LimitDecision refused = windows.reserve(scopes, "c", 1, at(30));

        // then
        assertThat(refused.granted()).isFalse();
        assertThat(refused.refusedBy()).isEqualTo(LimitKind.RPM);
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(refused.usages().get(0).minuteRequests())
                .as("nothing charged")
                .isEqualTo(2);
        assertThat(windows.reserve(scopes, "c", 1, at(60)).granted())
                .as("a left")
                .isTrue();
    }

    @Test
    void shouldNeverLetTwiceTheLimitThroughWhenRequestsBunchAroundAMinuteBoundary() {
        // given: a fixed window would reset at 12:01:00 and let two more through at once
        List<LimitScope> scopes = tenant(new Plan(2, 0, 0, 0));
        windows.reserve(scopes, "a", 1, at(59));
        windows.reserve(scopes, "b", 1, at(59));

        // when
        LimitDecision refused = windows.reserve(scopes, "c", 1, at(61));

        // then
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(58));
    }

    @Test
    void shouldRefuseUntilEnoughTokensLeaveWhenTheEstimateDoesNotFit() {
        // given
        List<LimitScope> scopes = tenant(new Plan(0, 1000, 0, 0));
        windows.reserve(scopes, "a", 400, at(0));
        windows.reserve(scopes, "b", 400, at(20));

        // when 300 more need 100 freed (a leaves at 60 s), 700 more need 500 (b leaves at 80 s)
        LimitDecision small = windows.reserve(scopes, "c", 300, at(30));
        LimitDecision large = windows.reserve(scopes, "d", 700, at(30));

        // then
        assertThat(small.refusedBy()).isEqualTo(LimitKind.TPM);
        assertThat(small.retryAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(large.retryAfter()).isEqualTo(Duration.ofSeconds(50));
    }

    @Test
    void shouldFreeTheDifferenceWhenARequestSettlesBelowItsEstimate() {
        // given
        List<LimitScope> scopes = tenant(new Plan(0, 1000, 0, 5000));
        windows.reserve(scopes, "a", 900, at(0));
        assertThat(windows.reserve(scopes, "b", 200, at(1)).granted()).isFalse();

        // when
        windows.settle(scopes, "a", UtcDay.of(at(0)), 900, 100);
        LimitDecision decision = windows.reserve(scopes, "b", 200, at(2));

        // then
        assertThat(decision.granted()).isTrue();
        assertThat(decision.usages().get(0).minuteTokens()).isEqualTo(300);
        assertThat(decision.usages().get(0).dayTokens()).isEqualTo(300);
    }

    @Test
    void shouldRefuseUntilMidnightUtcWhenTheDailyRequestQuotaIsUsed() {
        // given
        List<LimitScope> scopes = tenant(new Plan(0, 0, 2, 0));
        windows.reserve(scopes, "a", 1, at(0));
        windows.reserve(scopes, "b", 1, at(3600));

        // when
        LimitDecision refused = windows.reserve(scopes, "c", 1, at(7200));

        // then
        assertThat(refused.refusedBy()).isEqualTo(LimitKind.REQUESTS_PER_DAY);
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofHours(10));
    }

    @Test
    void shouldStartANewDailyQuotaWhenTheUtcDayChanges() {
        // given
        List<LimitScope> scopes = tenant(new Plan(0, 0, 1, 100));
        windows.reserve(scopes, "a", 100, at(0));
        Instant nextDay = Instant.parse("2026-03-02T00:00:00Z");

        // when
        LimitDecision decision = windows.reserve(scopes, "b", 100, nextDay);

        // then
        assertThat(decision.granted()).isTrue();
        assertThat(decision.usages().get(0).dayRequests()).isEqualTo(1);
        assertThat(decision.dayReset()).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void shouldNotTouchTheNewDayWhenALateSettlementBelongsToTheDayBefore() {
        // given
        List<LimitScope> scopes = tenant(new Plan(0, 0, 0, 1000));
        UtcDay yesterday = UtcDay.of(at(0));
        windows.reserve(scopes, "a", 500, at(0));
        Instant nextDay = Instant.parse("2026-03-02T00:00:30Z");
        windows.reserve(scopes, "b", 500, nextDay);

        // when
        windows.settle(scopes, "a", yesterday, 500, 10);

        // then
        assertThat(windows.reserve(scopes, "c", 501, nextDay).refusedBy()).isEqualTo(LimitKind.TOKENS_PER_DAY);
    }

    @Test
    void shouldChargeNoScopeWhenTheKeysOwnPlanIsFull() {
        // given
        LimitScope tenantScope = LimitScope.ofTenant("acme", new Plan(3, 0, 0, 0));
        LimitScope keyScope = LimitScope.ofKey("acme", "k1", new Plan(1, 0, 0, 0));
        windows.reserve(List.of(tenantScope, keyScope), "a", 1, at(0));

        // when
        LimitDecision refused = windows.reserve(List.of(tenantScope, keyScope), "b", 1, at(1));

        // then
        assertThat(refused.refusedBy()).isEqualTo(LimitKind.RPM);
        assertThat(refused.refusedScope()).isEqualTo(1);
        assertThat(windows.reserve(List.of(tenantScope), "c", 1, at(2))
                        .usages()
                        .get(0)
                        .minuteRequests())
                .as("the tenant took only a, then c")
                .isEqualTo(2);
    }

    @Test
    void shouldAnswerWithTheLongestWaitWhenSeveralLimitsRefuse() {
        // given
        List<LimitScope> scopes = tenant(new Plan(1, 0, 1, 0));
        windows.reserve(scopes, "a", 1, at(0));

        // when
        LimitDecision refused = windows.reserve(scopes, "b", 1, at(1));

        // then the day outlasts the minute
        assertThat(refused.refusedBy()).isEqualTo(LimitKind.REQUESTS_PER_DAY);
        assertThat(refused.retryAfterSeconds())
                .isEqualTo(Duration.ofHours(12).minusSeconds(1).toSeconds());
    }
}
