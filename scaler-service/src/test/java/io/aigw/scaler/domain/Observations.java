package io.aigw.scaler.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** Builds observations for tests: pods p0…pN, ready ones first. */
final class Observations {

    private final String workload;
    private final int current;
    private final List<Pod> pods = new ArrayList<>();
    private final Map<Signal, Reading> readings = new HashMap<>();
    private OptionalDouble total = OptionalDouble.empty();

    private Observations(String workload, int current) {
        this.workload = workload;
        this.current = current;
    }

    static Observations of(String workload, int current) {
        return new Observations(workload, current);
    }

    /** {@code ready} ready pods and {@code notReady} starting ones. */
    Observations pods(int ready, int notReady) {
        for (int i = 0; i < ready; i++) {
            pods.add(new Pod("p" + pods.size(), true));
        }
        for (int i = 0; i < notReady; i++) {
            pods.add(new Pod("p" + pods.size(), false));
        }
        return this;
    }

    /** The first {@code reporting} ready pods report {@code value}; the other ready pods report nothing. */
    Observations perPod(Signal signal, double value, int reporting) {
        Map<String, Double> values = new HashMap<>();
        pods.stream().filter(Pod::ready).limit(reporting).forEach(p -> values.put(p.name(), value));
        readings.put(signal, new Reading.PerPod(values));
        return this;
    }

    /** Every ready pod reports {@code value}. */
    Observations perPod(Signal signal, double value) {
        return perPod(signal, value, Integer.MAX_VALUE);
    }

    Observations whole(Signal signal, double value) {
        readings.put(signal, new Reading.Whole(value));
        return this;
    }

    Observations missing(Signal signal) {
        readings.put(signal, new Reading.Missing("scrape failed"));
        return this;
    }

    Observations totalRate(double rate) {
        total = OptionalDouble.of(rate);
        return this;
    }

    Observation build() {
        return new Observation(workload, current, pods, readings, total);
    }
}
