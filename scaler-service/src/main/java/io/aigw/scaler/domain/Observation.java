package io.aigw.scaler.domain;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What the loop saw of one workload in one interval.
 *
 * @param workload the workload's name
 * @param currentReplicas the replicas the workload is set to (the scale subresource's spec)
 * @param pods its pods, ready or not
 * @param readings per signal, what the metric source returned
 * @param totalRequestRate requests per second over all pods, for the forecast; empty when unknown
 */
public record Observation(
        String workload,
        int currentReplicas,
        List<Pod> pods,
        Map<Signal, Reading> readings,
        OptionalDouble totalRequestRate) {

    public Observation {
        Objects.requireNonNull(workload, "workload");
        pods = List.copyOf(pods);
        readings = Map.copyOf(readings);
        Objects.requireNonNull(totalRequestRate, "totalRequestRate");
        if (currentReplicas < 0) {
            throw new IllegalArgumentException("currentReplicas must not be negative, got " + currentReplicas);
        }
    }

    /** The reading of a signal, or a missing one when the source returned nothing for it. */
    public Reading reading(Signal signal) {
        Reading reading = readings.get(signal);
        return reading != null ? reading : new Reading.Missing("no reading for " + signal.label());
    }
}
