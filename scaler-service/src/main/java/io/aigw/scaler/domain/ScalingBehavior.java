package io.aigw.scaler.domain;

import java.util.Objects;

/**
 * Bounds, tolerance and per-direction rules of one workload (the HPA's {@code minReplicas},
 * {@code maxReplicas}, {@code --horizontal-pod-autoscaler-tolerance} and {@code behavior}).
 *
 * @param minReplicas at least 1 (scale to zero is not offered)
 * @param maxReplicas at least {@code minReplicas}
 * @param tolerance a usage ratio within {@code 1 ± tolerance} changes nothing; in [0, 1)
 * @param scaleUp the scale-up rules
 * @param scaleDown the scale-down rules
 */
public record ScalingBehavior(
        int minReplicas, int maxReplicas, double tolerance, ScalingRules scaleUp, ScalingRules scaleDown) {

    /** The HPA's default tolerance. */
    public static final double DEFAULT_TOLERANCE = 0.1;

    public ScalingBehavior {
        Objects.requireNonNull(scaleUp, "scaleUp");
        Objects.requireNonNull(scaleDown, "scaleDown");
        if (minReplicas < 1) {
            throw new IllegalArgumentException("minReplicas must be at least 1, got " + minReplicas);
        }
        if (maxReplicas < minReplicas) {
            throw new IllegalArgumentException(
                    "maxReplicas (" + maxReplicas + ") must not be below minReplicas (" + minReplicas + ")");
        }
        if (!(tolerance >= 0 && tolerance < 1)) {
            throw new IllegalArgumentException("tolerance must be in [0, 1), got " + tolerance);
        }
    }

    /** HPA defaults between these bounds. */
    public static ScalingBehavior defaults(int minReplicas, int maxReplicas) {
        return new ScalingBehavior(
                minReplicas,
                maxReplicas,
                DEFAULT_TOLERANCE,
                ScalingRules.defaultScaleUp(),
                ScalingRules.defaultScaleDown());
    }

    public ScalingBehavior withScaleUp(ScalingRules rules) {
        return new ScalingBehavior(minReplicas, maxReplicas, tolerance, rules, scaleDown);
    }

    public ScalingBehavior withScaleDown(ScalingRules rules) {
        return new ScalingBehavior(minReplicas, maxReplicas, tolerance, scaleUp, rules);
    }
}
