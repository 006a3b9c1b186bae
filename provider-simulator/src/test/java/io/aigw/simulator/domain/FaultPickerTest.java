package io.aigw.simulator.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FaultPickerTest {

    private final FaultPicker picker = new FaultPicker(new Random(42));

    @Test
    void shouldStrikeAtTheConfiguredRate() {
        ModelProfile profile = ModelProfile.DEFAULT.apply(update(0.3, FailureKind.UNAVAILABLE));

        int faults = 0;
        for (int i = 0; i < 10_000; i++) {
            if (picker.pick(profile) == FailureKind.UNAVAILABLE) {
                faults++;
            }
        }

        assertThat(faults).isBetween(2_800, 3_200);
    }

    @Test
    void shouldNeverStrikeAtRateZeroAndAlwaysAtRateOne() {
        ModelProfile never = ModelProfile.DEFAULT.apply(update(0.0, FailureKind.SERVER_ERROR));
        ModelProfile always = ModelProfile.DEFAULT.apply(update(1.0, FailureKind.HANG));

        for (int i = 0; i < 1_000; i++) {
            assertThat(picker.pick(never)).isEqualTo(FailureKind.NONE);
            assertThat(picker.pick(always)).isEqualTo(FailureKind.HANG);
        }
        assertThat(picker.pick(ModelProfile.DEFAULT)).isEqualTo(FailureKind.NONE);
    }

    @Test
    void shouldKeepJitterWithinItsBounds() {
        Duration base = Duration.ofMillis(100);

        for (int i = 0; i < 1_000; i++) {
            assertThat(picker.jittered(base, 0.2)).isBetween(Duration.ofMillis(80), Duration.ofMillis(120));
        }
        assertThat(picker.jittered(base, 0)).isEqualTo(base);
    }

    @Test
    void shouldParseFailureKindsByLabelAndName() {
        assertThat(FailureKind.parse("429")).isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(FailureKind.parse("stream-cut")).isEqualTo(FailureKind.STREAM_CUT);
        assertThat(FailureKind.parse("OVERLOADED")).isEqualTo(FailureKind.OVERLOADED);
        assertThatThrownBy(() -> FailureKind.parse("418")).hasMessageContaining("418");
    }

    private static ProfileUpdate update(double rate, FailureKind kind) {
        return new ProfileUpdate(null, null, null, null, rate, kind, null, null, null, null, null);
    }
}
