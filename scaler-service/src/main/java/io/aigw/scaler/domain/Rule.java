package io.aigw.scaler.domain;

import java.util.Locale;

/** The rule that settled a decision: what the decision log and {@code aigw_scaler_decisions_total} show. */
public enum Rule {
    /** Every signal is within the tolerance of its target. */
    WITHIN_TOLERANCE,
    /** The signals ask for more replicas, within every limit. */
    SCALE_UP,
    /** The signals ask for fewer replicas, within every limit. */
    SCALE_DOWN,
    /** The forecast asks for more replicas than the signals do now. */
    PREDICTIVE_FLOOR,
    /** A stabilization window holds the count (a higher recommendation within the scale-down window). */
    STABILIZED,
    /** A scale-up rate policy caps the change. */
    SCALE_UP_LIMITED,
    /** A scale-down rate policy caps the change. */
    SCALE_DOWN_LIMITED,
    /** The maximum caps the change. */
    AT_MAX,
    /** The minimum caps the change. */
    AT_MIN,
    /** More replicas than the maximum: back to it. */
    ABOVE_MAX,
    /** Fewer replicas than the minimum: up to it. */
    BELOW_MIN,
    /** Some signal had no data and the rest ask for less: no scale-down on missing data. */
    MISSING_METRIC,
    /** No signal had data: hold. */
    NO_DATA,
    /** Another autoscaler (HPA, KEDA) manages this workload: left alone. */
    MANAGED_ELSEWHERE,
    /** Reading or writing the workload failed: hold, error recorded. */
    ERROR;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
