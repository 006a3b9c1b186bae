package io.aigw.bench.overhead.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class InterleavedRoundsTest {

    @Test
    void shouldEndTheWarmUpOnlyWhenReqPerSecondHoldsAndTheCompilersWereQuietInBothPasses() {
        // the passes of an A/B run's cache-miss stack that ended its warm-up too early
        assertThat(InterleavedRounds.settled(1168, 1190, 0.15, 0.09)).isFalse();
        assertThat(InterleavedRounds.settled(1190, 1210, 0.09, 0.04)).isTrue();
        // within 5 % of the pass before, or not
        assertThat(InterleavedRounds.settled(1000, 1060, 0.02, 0.02)).isFalse();
        assertThat(InterleavedRounds.settled(1000, 950, 0.02, 0.02)).isTrue();
        // the first pass has nothing to compare with
        assertThat(InterleavedRounds.settled(-1, 1000, Double.MAX_VALUE, 0)).isFalse();
    }

    @Test
    void shouldRotateTheOrderSoNoTargetAlwaysRunsFirst() {
        List<String> targets = List.of("direct", "aigw-miss", "aigw-base");

        assertThat(InterleavedRounds.rotated(targets, 0)).containsExactly("direct", "aigw-miss", "aigw-base");
        assertThat(InterleavedRounds.rotated(targets, 1)).containsExactly("aigw-miss", "aigw-base", "direct");
        assertThat(InterleavedRounds.rotated(targets, 5)).containsExactly("aigw-base", "direct", "aigw-miss");
    }
}
