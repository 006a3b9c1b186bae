package io.aigw.bench.cache.application;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * Times one call at a time (closed loop, no concurrency): {@code warmUp} untimed calls, then {@code
 * measured} timed ones, the calls numbered from 0 (warm-up included); counts what the calls answered.
 */
public final class SequentialTimer {

    /** The durations and the answers by label. */
    public record Timed(long[] nanos, Map<String, Integer> results) {}

    private SequentialTimer() {}

    public static Timed run(int warmUp, int measured, IntFunction<String> call) {
        long[] nanos = new long[measured];
        Map<String, Integer> results = new TreeMap<>();
        for (int i = -warmUp; i < measured; i++) {
            long started = System.nanoTime();
            String result = call.apply(i + warmUp);
            long took = System.nanoTime() - started;
            if (i >= 0) {
                nanos[i] = took;
                results.merge(result, 1, Integer::sum);
            }
        }
        return new Timed(nanos, results);
    }
}
