package io.aigw.routing.application.learned;

import io.aigw.routing.domain.learned.Calibration;
import java.time.Duration;

/** What learned tier selection reports, for operators' dashboards. */
public interface LearnedMetrics {

    /** What feedback scores are counted as: 1, 0, anything between, or none (the body was invalid). */
    enum ScoreKind {
        GOOD,
        BAD,
        PARTIAL,
        NONE;

        public static ScoreKind of(double score) {
            return score >= 1 ? GOOD : score <= 0 ? BAD : PARTIAL;
        }
    }

    /** Feedback outcome: {@code accepted}, {@code unknown_request} or {@code invalid}. */
    void feedback(String result, ScoreKind score);

    /** A learned group routed by a prediction: the tier that goes first and the time embed + predict took. */
    void predicted(String group, int tier, Duration took);

    /** A learned group acted as a cascade: {@code too_little_feedback} or {@code uncalibrated}. */
    void fellBack(String group, String reason);

    /** A threshold was calibrated for a tenant's group. */
    void calibrated(String tenant, String group, Calibration calibration);

    LearnedMetrics NONE = new LearnedMetrics() {
        @Override
        public void feedback(String result, ScoreKind score) {}

        @Override
        public void predicted(String group, int tier, Duration took) {}

        @Override
        public void fellBack(String group, String reason) {}

        @Override
        public void calibrated(String tenant, String group, Calibration calibration) {}
    };
}
