package io.aigw.routing.adapter.out.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    private static java.util.Optional<Duration> from(Map<String, String> headers) {
        return RetryAfter.from(headers::get, CLOCK);
    }

    @Test
    void shouldTakeRetryAfterOverTheWindowResetWhenBothAreSent() {
        // the reset says when the whole minute empties; retry-after when this call fits
        assertThat(from(Map.of("retry-after", "2", "x-ratelimit-reset-tokens", "45s")))
                .hasValue(Duration.ofSeconds(2));
        assertThat(from(Map.of("retry-after-ms", "1500", "retry-after", "1"))).hasValue(Duration.ofMillis(1500));
    }

    @Test
    void shouldFallBackToTheLongerResetWhenNoRetryAfterIsSent() {
        assertThat(from(Map.of("x-ratelimit-reset-requests", "1s", "x-ratelimit-reset-tokens", "6m0s")))
                .hasValue(Duration.ofMinutes(6));
        assertThat(from(Map.of("anthropic-ratelimit-tokens-reset", "2026-01-01T00:00:30Z")))
                .hasValue(Duration.ofSeconds(30));
    }

    @Test
    void shouldReadAnHttpDateWhenRetryAfterIsOne() {
        assertThat(from(Map.of("retry-after", "Thu, 01 Jan 2026 00:00:20 GMT"))).hasValue(Duration.ofSeconds(20));
    }

    @Test
    void shouldNeverParkADeploymentForMoreThanTenMinutesWhenAHeaderSaysMore() {
        assertThat(from(Map.of("retry-after", "86400"))).hasValue(Duration.ofMinutes(10));
        assertThat(RetryAfter.resetOf(Map.of("x-ratelimit-reset-requests", "2h")::get, CLOCK, "requests"))
                .isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void shouldIgnoreHeadersItCannotReadOrThatLieInThePast() {
        assertThat(from(Map.of("retry-after", "soon", "x-ratelimit-reset-tokens", "1x")))
                .isEmpty();
        assertThat(from(Map.of("anthropic-ratelimit-requests-reset", "2025-12-31T23:59:00Z")))
                .isEmpty();
    }

    @Test
    void shouldReadTheResetOfOneKindWhenAskedForIt() {
        Map<String, String> headers = Map.of("x-ratelimit-reset-requests", "20ms", "x-ratelimit-reset-tokens", "9s");

        assertThat(RetryAfter.resetOf(headers::get, CLOCK, "requests")).isEqualTo(Duration.ofMillis(20));
        assertThat(RetryAfter.resetOf(headers::get, CLOCK, "tokens")).isEqualTo(Duration.ofSeconds(9));
    }
}
