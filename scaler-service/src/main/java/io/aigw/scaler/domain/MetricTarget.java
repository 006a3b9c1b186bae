package io.aigw.scaler.domain;

import java.util.Objects;

/**
 * A signal and the value it should have: per replica for a per-pod signal, for the whole workload
 * otherwise (an SLO).
 */
public record MetricTarget(Signal signal, double target) {

    public MetricTarget {
        Objects.requireNonNull(signal, "signal");
        if (!(target > 0) || Double.isInfinite(target)) {
            throw new IllegalArgumentException(signal.label() + " target must be a positive number, got " + target);
        }
    }
}
