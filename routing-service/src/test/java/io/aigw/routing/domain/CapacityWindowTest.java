package io.aigw.routing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CapacityWindowTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final CapacityWindow window = new CapacityWindow(Duration.ofMinutes(1));

    private static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    @Test
    void shouldFitWhenBothLimitsHaveRoom() {
        assertThat(window.waitFor(new RateLimit(2, 100), 100, T0)).isEmpty();
    }

    @Test
    void shouldRefuseUntilTheOldestCallLeavesWhenTheRequestLimitIsReached() {
        RateLimit limit = new RateLimit(2, 0);
        window.take("a", 1, at(0));
        window.take("b", 1, at(10));

        assertThat(window.waitFor(limit, 1, at(30))).hasValue(Duration.ofSeconds(30));
        assertThat(window.waitFor(limit, 1, at(60))).as("a left the window").isEmpty();
    }

    @Test
    void shouldNeverLetTwiceTheLimitThroughAroundAMinuteBoundaryWhenCallsBunch() {
        // a fixed window would reset at 00:01:00 and allow 4 calls within two seconds
        RateLimit limit = new RateLimit(2, 0);
        window.take("a", 1, at(59));
        window.take("b", 1, at(59));

        assertThat(window.waitFor(limit, 1, at(61))).hasValue(Duration.ofSeconds(58));
    }

    @Test
    void shouldRefuseUntilEnoughTokensLeaveWhenTheTokenLimitIsReached() {
        RateLimit limit = new RateLimit(0, 1000);
        window.take("a", 400, at(0));
        window.take("b", 400, at(20));

        // 300 more need 100 freed: a must leave (at 60 s)
        assertThat(window.waitFor(limit, 300, at(30))).hasValue(Duration.ofSeconds(30));
        // 700 more need 500 freed: a and b must leave (at 80 s)
        assertThat(window.waitFor(limit, 700, at(30))).hasValue(Duration.ofSeconds(50));
    }

    @Test
    void shouldWaitAWholeWindowWhenACallIsLargerThanTheTokenLimit() {
        assertThat(window.waitFor(new RateLimit(0, 100), 101, T0)).hasValue(Duration.ofMinutes(1));
    }

    @Test
    void shouldFreeTheDifferenceWhenACallSettlesBelowItsEstimate() {
        RateLimit limit = new RateLimit(0, 1000);
        window.take("a", 900, T0);
        assertThat(window.waitFor(limit, 200, T0)).isPresent();

        window.settle("a", 150);

        assertThat(window.tokens(T0)).isEqualTo(150);
        assertThat(window.waitFor(limit, 200, T0)).isEmpty();
    }

    @Test
    void shouldCountTheOverdraftWhenACallUsedMoreThanItsEstimate() {
        window.take("a", 100, T0);

        window.settle("a", 1100);

        assertThat(window.tokens(T0)).isEqualTo(1100);
        assertThat(window.waitFor(new RateLimit(0, 1000), 1, T0)).hasValue(Duration.ofMinutes(1));
    }

    @Test
    void shouldGiveBackTheRequestAndItsTokensWhenACallIsReleased() {
        window.take("a", 500, T0);

        window.release("a");

        assertThat(window.requests(T0)).isZero();
        assertThat(window.tokens(T0)).isZero();
    }

    @Test
    void shouldIgnoreSettleAndReleaseWhenTheCallAlreadyLeftTheWindow() {
        window.take("a", 500, T0);
        assertThat(window.tokens(at(61))).isZero();

        window.settle("a", 900);
        window.release("a");

        assertThat(window.tokens(at(61))).isZero();
        assertThat(window.requests(at(61))).isZero();
    }

    @Test
    void shouldRefuseEverythingUntilTheBlockEndsWhenTheProviderSaidItIsFull() {
        window.blockUntil(at(5));

        assertThat(window.waitFor(RateLimit.NONE, 1, at(2))).hasValue(Duration.ofSeconds(3));
        assertThat(window.waitFor(RateLimit.NONE, 1, at(5))).isEmpty();
    }

    @Test
    void shouldKeepTheLongerBlockWhenASecondBlockIsShorter() {
        window.blockUntil(at(10));
        window.blockUntil(at(3));

        assertThat(window.waitFor(RateLimit.NONE, 1, at(5))).hasValue(Duration.ofSeconds(5));
    }
}
