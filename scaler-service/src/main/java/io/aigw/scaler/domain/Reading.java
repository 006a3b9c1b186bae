package io.aigw.scaler.domain;

import java.util.Map;
import java.util.Objects;

/** What the metric source returned for one signal of one workload. */
public sealed interface Reading {

    /** Per-pod values, keyed by pod name; pods without a value are missing. */
    record PerPod(Map<String, Double> values) implements Reading {
        public PerPod {
            values = Map.copyOf(values);
        }
    }

    /** One value for the whole workload. */
    record Whole(double value) implements Reading {}

    /** The source had nothing usable (unreachable, empty result, not enough scrapes). */
    record Missing(String why) implements Reading {
        public Missing {
            Objects.requireNonNull(why, "why");
        }
    }
}
