package io.aigw.scaler.domain;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The rules of one scaling direction, as the HPA's {@code HPAScalingRules}.
 *
 * @param stabilizationWindow how far back recommendations are remembered; scale-down uses their
 *     maximum, scale-up their minimum, so a direction only moves when the whole window agrees
 * @param select which policy wins when several allow different changes
 * @param policies the rate limits; at least one unless {@code select} is {@link Select#DISABLED}
 */
public record ScalingRules(Duration stabilizationWindow, Select select, List<ScalingPolicy> policies) {

    /** How the policies combine: the largest allowed change, the smallest, or no change at all. */
    public enum Select {
        MAX,
        MIN,
        DISABLED
    }

    public ScalingRules {
        Objects.requireNonNull(stabilizationWindow, "stabilizationWindow");
        Objects.requireNonNull(select, "select");
        policies = List.copyOf(policies);
        if (stabilizationWindow.isNegative() || stabilizationWindow.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("stabilization window must be in [0, 1h], got " + stabilizationWindow);
        }
        if (policies.isEmpty() && select != Select.DISABLED) {
            throw new IllegalArgumentException(
                    "at least one scaling policy is needed unless the direction is disabled");
        }
    }

    /** The HPA default for scale-up: no window; the larger of +100 % and +4 pods per 15 s. */
    public static ScalingRules defaultScaleUp() {
        return new ScalingRules(
                Duration.ZERO,
                Select.MAX,
                List.of(
                        ScalingPolicy.percent(100, Duration.ofSeconds(15)),
                        ScalingPolicy.pods(4, Duration.ofSeconds(15))));
    }

    /** The HPA default for scale-down: a 300 s window; up to 100 % per 15 s. */
    public static ScalingRules defaultScaleDown() {
        return new ScalingRules(
                Duration.ofSeconds(300), Select.MAX, List.of(ScalingPolicy.percent(100, Duration.ofSeconds(15))));
    }

    /** The longest policy period: how long scale events must be remembered. */
    Duration longestPeriod() {
        return policies.stream()
                .map(ScalingPolicy::period)
                .max(Duration::compareTo)
                .orElse(Duration.ZERO);
    }
}
