package io.aigw.scaler.domain;

import java.util.Objects;

/**
 * One replica of a workload. A pod that is not ready yet (starting, pending) gets no traffic, so the
 * algorithm treats it as the HPA treats pending pods: left out of the average, counted as 0 % on a
 * scale-up, never as evidence for a scale-down.
 */
public record Pod(String name, boolean ready) {

    public Pod {
        Objects.requireNonNull(name, "name");
    }
}
