package io.aigw.routing.adapter.out.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.aigw.routing.application.learned.LearnedMetrics.ScoreKind;
import io.aigw.routing.domain.learned.Calibration;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MicrometerLearnedMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MicrometerLearnedMetrics metrics =
            new MicrometerLearnedMetrics(registry, Map.of("smart", List.of(1, 3)));

    @Test
    void shouldRegisterTheCountersAtZeroWhenStarted() {
        assertThat(registry.get("aigw_feedback")
                        .tags("result", "accepted", "score", "good")
                        .counter()
                        .count())
                .isZero();
        assertThat(registry.get("aigw_feedback")
                        .tags("result", "invalid", "score", "none")
                        .counter()
                        .count())
                .isZero();
        assertThat(registry.get("aigw_feedback").tags("result", "invalid").counters())
                .hasSize(1);
        assertThat(registry.get("aigw_learned_predictions")
                        .tags("group", "smart")
                        .counters())
                .hasSize(2);
        assertThat(registry.get("aigw_learned_fallbacks").tags("group", "smart").counters())
                .hasSize(2);
    }

    @Test
    void shouldCountFeedbackByResultAndScoreWhenGiven() {
        metrics.feedback("accepted", ScoreKind.of(1));
        metrics.feedback("accepted", ScoreKind.of(0.4));
        metrics.feedback("unknown_request", ScoreKind.of(0));

        assertThat(registry.get("aigw_feedback")
                        .tags("result", "accepted", "score", "partial")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(registry.get("aigw_feedback")
                        .tags("result", "unknown_request", "score", "bad")
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void shouldCountPredictionsByTierAndTimeThemWhenRouted() {
        metrics.predicted("smart", 3, Duration.ofMillis(4));

        assertThat(registry.get("aigw_learned_predictions")
                        .tags("group", "smart", "tier", "3")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(registry.get("aigw_learned_prediction_duration").timer().count())
                .isEqualTo(1);
    }

    @Test
    void shouldShowTheLatestCalibrationPerTenantAndGroupWhenCalibrated() {
        metrics.calibrated("acme", "smart", new Calibration(0.2, 0.3, 0.8, true, 100));
        metrics.calibrated("acme", "smart", new Calibration(0.25, 0.28, 0.79, false, 120));

        assertThat(registry.get("aigw_learned_threshold")
                        .tags("tenant", "acme", "group", "smart")
                        .gauge()
                        .value())
                .isEqualTo(0.25);
        assertThat(registry.get("aigw_learned_expected_top_tier_share").gauge().value())
                .isEqualTo(0.28);
        assertThat(registry.get("aigw_learned_calibrations")
                        .tags("result", "unreachable")
                        .counter()
                        .count())
                .isEqualTo(1);
    }
}
