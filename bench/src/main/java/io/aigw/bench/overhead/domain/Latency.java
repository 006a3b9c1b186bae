package io.aigw.bench.overhead.domain;

import java.util.Arrays;

/**
 * Percentiles of a set of durations, nearest-rank, in microseconds.
 *
 * @param count how many durations
 * @param p50Micros median
 * @param p90Micros 90th percentile
 * @param p99Micros 99th percentile
 */
public record Latency(long count, long p50Micros, long p90Micros, long p99Micros) {

    public static final Latency NONE = new Latency(0, 0, 0, 0);

    /** From durations in nanoseconds, in any order. */
    public static Latency ofNanos(long[] nanos) {
        if (nanos.length == 0) {
            return NONE;
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Latency(
                sorted.length, rank(sorted, 0.50) / 1_000, rank(sorted, 0.90) / 1_000, rank(sorted, 0.99) / 1_000);
    }

    private static long rank(long[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
