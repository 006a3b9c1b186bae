package io.aigw.bench.overhead.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The targets of issue #9, checked against one run's figures. */
public final class Goals {

    /**
     * One goal.
     *
     * @param name what is measured
     * @param goal the bound, as written in the issue
     * @param measured what this run measured
     * @param met whether the bound holds; empty when the run did not measure it
     */
    public record Goal(String name, String goal, String measured, Optional<Boolean> met) {}

    private Goals() {}

    public static List<Goal> check(List<LoadSummary> load, List<StreamSummary> streams) {
        List<Goal> goals = new ArrayList<>();
        Optional<LoadSummary> miss64 = LoadSummary.find(load, Target.AIGW_MISS, 64);
        Optional<LoadSummary> portkey64 = LoadSummary.find(load, Target.PORTKEY, 64);
        if (miss64.isPresent() && portkey64.isPresent()) {
            double ratio = miss64.get().requestsPerSecond() / portkey64.get().requestsPerSecond();
            goals.add(new Goal(
                    "throughput at 64 connections, cache miss, vs Portkey",
                    "≥ 5×",
                    fmt(
                            "%.1f× (%.0f vs %.0f req/s)",
                            ratio,
                            miss64.get().requestsPerSecond(),
                            portkey64.get().requestsPerSecond()),
                    Optional.of(ratio >= 5)));
        } else {
            goals.add(new Goal(
                    "throughput at 64 connections, cache miss, vs Portkey", "≥ 5×", "not run", Optional.empty()));
        }
        Optional<LoadSummary> miss16 = LoadSummary.find(load, Target.AIGW_MISS, 16);
        goals.add(miss16.map(s -> new Goal(
                        "added latency p50 at 16 connections, cache miss",
                        "≤ 1 ms",
                        fmt("%+.2f ms", s.addedP50Millis()),
                        Optional.of(s.addedP50Millis() <= 1.0)))
                .orElse(new Goal(
                        "added latency p50 at 16 connections, cache miss", "≤ 1 ms", "not run", Optional.empty())));
        goals.add(miss16.map(s -> new Goal(
                        "added latency p99 at 16 connections, cache miss",
                        "≤ 5 ms",
                        fmt("%+.2f ms", s.addedP99Millis()),
                        Optional.of(s.addedP99Millis() <= 5.0)))
                .orElse(new Goal(
                        "added latency p99 at 16 connections, cache miss", "≤ 5 ms", "not run", Optional.empty())));
        Optional<LoadSummary> cpu = miss16.or(() -> miss64);
        goals.add(cpu.map(s -> new Goal(
                        "gateway CPU per request, all processes, cache miss (" + s.connections() + " connections)",
                        "≤ 250 µs",
                        fmt("%.0f µs", s.cpuMicrosPerRequest()),
                        Optional.of(s.cpuMicrosPerRequest() <= 250)))
                .orElse(new Goal(
                        "gateway CPU per request, all processes, cache miss",
                        "≤ 250 µs",
                        "not run",
                        Optional.empty())));
        Optional<StreamSummary> stream = StreamSummary.find(streams, Target.AIGW_MISS, 16)
                .or(() -> StreamSummary.find(streams, Target.AIGW_MISS, 1));
        goals.add(stream.map(s -> new Goal(
                        "streaming TTFT added, p50 (" + s.connections() + " concurrent streams)",
                        "≤ 2 ms",
                        fmt("%+.2f ms", s.addedTtftP50Millis()),
                        Double.isNaN(s.addedTtftP50Millis())
                                ? Optional.empty()
                                : Optional.of(s.addedTtftP50Millis() <= 2.0)))
                .orElse(new Goal("streaming TTFT added, p50", "≤ 2 ms", "not run", Optional.empty())));
        return List.copyOf(goals);
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
