package io.aigw.bench.limits.domain;

import java.util.Arrays;

/**
 * Nearest-rank percentiles of measured durations: p = the value at rank ceil(p × n).
 *
 * @param n how many values
 * @param p50Millis the median
 * @param p99Millis the 99th percentile
 * @param maxMillis the largest
 */
public record Percentiles(int n, double p50Millis, double p99Millis, double maxMillis) {

    public static Percentiles ofNanos(long[] nanos) {
        if (nanos.length == 0) {
            return new Percentiles(0, 0, 0, 0);
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Percentiles(
                sorted.length,
                millis(rank(sorted, 0.50)),
                millis(rank(sorted, 0.99)),
                millis(sorted[sorted.length - 1]));
    }

    private static long rank(long[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}
