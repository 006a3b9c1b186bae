package io.aigw.bench.overhead.domain;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One process's share of a profiled run: CPU from {@code /proc} split into user and kernel time, and
 * a profiler's samples by {@link CpuLayer} and by hottest method.
 *
 * @param process the process name
 * @param userMicros user-mode CPU in the run
 * @param systemMicros kernel-mode CPU in the run (system calls: sockets, epoll, futexes)
 * @param layerSamples samples per layer; empty for a process without a JVM
 * @param topMethods samples whose running method was this one, most first
 * @param gcPauseMicros the collector's pauses in the run (serial collector: its CPU too); {@link
 *     #UNKNOWN} where the profiler does not see them
 */
public record ProcessProfile(
        String process,
        long userMicros,
        long systemMicros,
        Map<CpuLayer, Long> layerSamples,
        Map<String, Long> topMethods,
        long gcPauseMicros) {

    /** {@link #gcPauseMicros} of a profiler that does not see the collector's pauses. */
    public static final long UNKNOWN = -1;

    public ProcessProfile {
        layerSamples = layerSamples.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(layerSamples));
        topMethods = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(topMethods));
    }

    /** Builds a profile from the raw samples: each a stack, top frame first. */
    public static ProcessProfile of(
            String process,
            long userMicros,
            long systemMicros,
            List<List<String>> stacks,
            long gcPauseMicros,
            int top) {
        Map<CpuLayer, Long> layers = new EnumMap<>(CpuLayer.class);
        Map<String, Long> methods = new LinkedHashMap<>();
        for (List<String> stack : stacks) {
            layers.merge(CpuLayer.of(stack), 1L, Long::sum);
            if (!stack.isEmpty()) {
                methods.merge(stack.get(0), 1L, Long::sum);
            }
        }
        Map<String, Long> hottest = new LinkedHashMap<>();
        methods.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(top)
                .forEach(e -> hottest.put(e.getKey(), e.getValue()));
        return new ProcessProfile(process, userMicros, systemMicros, layers, hottest, gcPauseMicros);
    }

    public long samples() {
        return layerSamples.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The share of this process's samples in {@code layer}, 0..1; 0 without samples. */
    public double share(CpuLayer layer) {
        long all = samples();
        return all == 0 ? 0 : (double) layerSamples.getOrDefault(layer, 0L) / all;
    }
}
