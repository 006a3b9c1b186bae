package io.aigw.bench.overhead.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The stream figures of one target at one concurrency over all rounds: medians of the per-round
 * percentiles, and what it added over {@link Target#DIRECT} in the same round.
 *
 * @param target the target
 * @param connections concurrent streams
 * @param rounds rounds that ran
 * @param ttftP50Millis median of the per-round median time to first token
 * @param ttftP99Millis likewise for p99
 * @param totalP50Millis median of the per-round median time to the end of the stream
 * @param addedTtftP50Millis median over rounds of (this TTFT p50 − direct TTFT p50)
 * @param addedTtftP99Millis likewise for p99
 * @param addedTotalP50Millis likewise for the total time
 * @param streams streams over all rounds
 * @param errors failed streams over all rounds
 */
public record StreamSummary(
        Target target,
        int connections,
        int rounds,
        double ttftP50Millis,
        double ttftP99Millis,
        double totalP50Millis,
        double addedTtftP50Millis,
        double addedTtftP99Millis,
        double addedTotalP50Millis,
        long streams,
        long errors) {

    public static List<StreamSummary> of(List<StreamRun> runs) {
        List<StreamSummary> summaries = new ArrayList<>();
        TreeSet<Integer> counts = new TreeSet<>();
        runs.forEach(run -> counts.add(run.connections()));
        for (Target target : Target.values()) {
            for (int connections : counts) {
                List<StreamRun> mine = runs.stream()
                        .filter(r -> r.target() == target && r.connections() == connections)
                        .sorted(Comparator.comparingInt(StreamRun::round))
                        .toList();
                if (!mine.isEmpty()) {
                    summaries.add(summarize(target, connections, mine, runs));
                }
            }
        }
        return List.copyOf(summaries);
    }

    public static Optional<StreamSummary> find(List<StreamSummary> summaries, Target target, int connections) {
        return summaries.stream()
                .filter(s -> s.target() == target && s.connections() == connections)
                .findFirst();
    }

    private static StreamSummary summarize(
            Target target, int connections, List<StreamRun> withFailures, List<StreamRun> all) {
        // a run in which no stream finished has no percentiles; it counts only in the totals
        List<StreamRun> mine =
                withFailures.stream().filter(r -> r.streams() > 0).toList();
        List<Double> ttft50 = new ArrayList<>();
        List<Double> ttft99 = new ArrayList<>();
        List<Double> total50 = new ArrayList<>();
        for (StreamRun run : mine) {
            all.stream()
                    .filter(r -> r.target() == Target.DIRECT
                            && r.connections() == connections
                            && r.round() == run.round()
                            && r.streams() > 0)
                    .findFirst()
                    .ifPresent(direct -> {
                        ttft50.add(millis(run.firstToken().p50Micros()
                                - direct.firstToken().p50Micros()));
                        ttft99.add(millis(run.firstToken().p99Micros()
                                - direct.firstToken().p99Micros()));
                        total50.add(
                                millis(run.total().p50Micros() - direct.total().p50Micros()));
                    });
        }
        return new StreamSummary(
                target,
                connections,
                withFailures.size(),
                Medians.of(mine.stream()
                        .map(r -> millis(r.firstToken().p50Micros()))
                        .toList()),
                Medians.of(mine.stream()
                        .map(r -> millis(r.firstToken().p99Micros()))
                        .toList()),
                Medians.of(mine.stream().map(r -> millis(r.total().p50Micros())).toList()),
                Medians.of(ttft50),
                Medians.of(ttft99),
                Medians.of(total50),
                withFailures.stream().mapToLong(StreamRun::streams).sum(),
                withFailures.stream().mapToLong(StreamRun::errors).sum());
    }

    private static double millis(long micros) {
        return micros / 1000.0;
    }
}
