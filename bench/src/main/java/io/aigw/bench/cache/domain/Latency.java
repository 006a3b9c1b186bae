package io.aigw.bench.cache.domain;

import java.util.Arrays;

/**
 * Nearest-rank percentiles of measured durations (p = the value at rank ceil(p × n)) and the mean.
 *
 * @param n how many values
 * @param p50Millis the median
 * @param p99Millis the 99th percentile
 * @param meanMillis the mean
 * @param maxMillis the largest
 */
public record Latency(int n, double p50Millis, double p99Millis, double meanMillis, double maxMillis) {

    public static final Latency NONE = new Latency(0, 0, 0, 0, 0);

    public static Latency ofNanos(long[] nanos) {
        if (nanos.length == 0) {
            return NONE;
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (long value : sorted) {
            sum += value;
        }
        return new Latency(
                sorted.length,
                millis(rank(sorted, 0.50)),
                millis(rank(sorted, 0.99)),
                sum / sorted.length / 1_000_000.0,
                millis(sorted[sorted.length - 1]));
    }

    /** Per index, {@code total[i]} minus every part's {@code [i]}: what the timed parts leave out. */
    public static long[] remainder(long[] total, long[]... parts) {
        long[] rest = total.clone();
        for (long[] part : parts) {
            if (part.length != total.length) {
                throw new IllegalArgumentException("parts must be as long as the totals");
            }
            for (int i = 0; i < rest.length; i++) {
                rest[i] -= part[i];
            }
        }
        return rest;
    }

    private static long rank(long[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}
