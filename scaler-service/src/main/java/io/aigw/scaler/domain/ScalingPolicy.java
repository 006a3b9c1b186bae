package io.aigw.scaler.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * One rate limit of a scaling direction, as in the HPA's {@code behavior.scaleUp.policies}: at most
 * {@code value} pods (or {@code value} percent of the replicas at the start of the period) changed
 * within any window of {@code period}.
 *
 * @param type pods or percent
 * @param value how many pods, or which percentage; positive
 * @param period the window the change is counted over; positive, at most 30 minutes as in the HPA
 */
public record ScalingPolicy(Type type, int value, Duration period) {

    /** How {@link #value()} is read. */
    public enum Type {
        PODS,
        PERCENT
    }

    public ScalingPolicy {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(period, "period");
        if (value <= 0) {
            throw new IllegalArgumentException("scaling policy value must be positive, got " + value);
        }
        if (period.isNegative() || period.isZero() || period.compareTo(Duration.ofMinutes(30)) > 0) {
            throw new IllegalArgumentException("scaling policy period must be in (0, 30m], got " + period);
        }
    }

    public static ScalingPolicy pods(int value, Duration period) {
        return new ScalingPolicy(Type.PODS, value, period);
    }

    public static ScalingPolicy percent(int value, Duration period) {
        return new ScalingPolicy(Type.PERCENT, value, period);
    }
}
