package io.aigw.simulator.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SlidingWindowRateLimiterTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    private final SlidingWindowRateLimiter limiter = new SlidingWindowRateLimiter();

    @Test
    void shouldAcceptUpToTheRequestLimitAndRefuseBeyond() {
        Limits limits = new Limits(3, 0);

        for (int i = 0; i < 3; i++) {
            LimitDecision decision = limiter.tryAcquire("m", limits, 10, clock.instant());
            assertThat(decision.accepted()).isTrue();
            assertThat(decision.remainingRequests()).isEqualTo(2 - i);
            clock.advance(Duration.ofSeconds(10));
        }
        LimitDecision refused = limiter.tryAcquire("m", limits, 10, clock.instant());

        assertThat(refused.accepted()).isFalse();
        assertThat(refused.rejectedBy()).isEqualTo("requests");
        assertThat(refused.remainingRequests()).isZero();
        // the first request was at t=0, now is t=30: it leaves the window in 30 s
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(30));
        // the last one was at t=20: everything is free again at t=80
        assertThat(refused.resetRequests()).isEqualTo(Duration.ofSeconds(50));
    }

    @Test
    void shouldRecoverWhenTheOldestRequestLeavesTheWindow() {
        Limits limits = new Limits(2, 0);
        limiter.tryAcquire("m", limits, 1, clock.instant());
        clock.advance(Duration.ofSeconds(1));
        limiter.tryAcquire("m", limits, 1, clock.instant());

        clock.advance(Duration.ofMillis(58_999));
        assertThat(limiter.tryAcquire("m", limits, 1, clock.instant()).accepted())
                .isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(limiter.tryAcquire("m", limits, 1, clock.instant()).accepted())
                .isTrue();
        assertThat(limiter.tryAcquire("m", limits, 1, clock.instant()).accepted())
                .isFalse();
    }

    @Test
    void shouldEnforceTheTokenLimitAndNotChargeRefusedRequests() {
        Limits limits = new Limits(0, 100);

        assertThat(limiter.tryAcquire("m", limits, 60, clock.instant()).accepted())
                .isTrue();
        LimitDecision refused = limiter.tryAcquire("m", limits, 50, clock.instant());
        LimitDecision fits = limiter.tryAcquire("m", limits, 40, clock.instant());

        assertThat(refused.accepted()).isFalse();
        assertThat(refused.rejectedBy()).isEqualTo("tokens");
        assertThat(refused.remainingTokens()).isEqualTo(40);
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(60));
        assertThat(fits.accepted()).isTrue();
        assertThat(fits.remainingTokens()).isZero();
    }

    @Test
    void shouldRefuseARequestLargerThanTheWholeTokenLimit() {
        LimitDecision decision = limiter.tryAcquire("m", new Limits(0, 100), 101, clock.instant());

        assertThat(decision.accepted()).isFalse();
        assertThat(decision.retryAfter()).isEqualTo(SlidingWindowRateLimiter.WINDOW);
    }

    @Test
    void shouldKeepModelsApartAndForgetOnReset() {
        Limits limits = new Limits(1, 0);
        assertThat(limiter.tryAcquire("a", limits, 1, clock.instant()).accepted())
                .isTrue();
        assertThat(limiter.tryAcquire("b", limits, 1, clock.instant()).accepted())
                .isTrue();
        assertThat(limiter.tryAcquire("a", limits, 1, clock.instant()).accepted())
                .isFalse();

        limiter.reset();

        assertThat(limiter.tryAcquire("a", limits, 1, clock.instant()).accepted())
                .isTrue();
    }

    @Test
    void shouldAlwaysAcceptWhenUnlimited() {
        for (int i = 0; i < 1000; i++) {
            assertThat(limiter.tryAcquire("m", Limits.UNLIMITED, 1000, clock.instant())
                            .accepted())
                    .isTrue();
        }
    }
}
