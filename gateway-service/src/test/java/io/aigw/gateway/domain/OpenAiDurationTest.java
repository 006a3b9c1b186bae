package io.aigw.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OpenAiDurationTest {

    @Test
    void shouldWriteMillisecondsWhenUnderASecond() {
        assertThat(OpenAiDuration.format(Duration.ofMillis(20))).isEqualTo("20ms");
        assertThat(OpenAiDuration.format(Duration.ofNanos(10))).isEqualTo("1ms");
    }

    @Test
    void shouldWriteGoStyleWholeSecondsRoundedUpWhenASecondOrMore() {
        assertThat(OpenAiDuration.format(Duration.ofSeconds(1))).isEqualTo("1s");
        assertThat(OpenAiDuration.format(Duration.ofMillis(59_001))).isEqualTo("1m0s");
        assertThat(OpenAiDuration.format(Duration.ofMinutes(6))).isEqualTo("6m0s");
        assertThat(OpenAiDuration.format(Duration.ofSeconds(3723))).isEqualTo("1h2m3s");
    }

    @Test
    void shouldWriteZeroWhenNothingIsLeftToWait() {
        assertThat(OpenAiDuration.format(Duration.ZERO)).isEqualTo("0s");
        assertThat(OpenAiDuration.wholeSecondsUp(Duration.ZERO)).isZero();
        assertThat(OpenAiDuration.wholeSecondsUp(Duration.ofMillis(1))).isEqualTo(1);
    }
}
