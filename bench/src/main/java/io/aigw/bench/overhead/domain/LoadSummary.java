package io.aigw.bench.overhead.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The figures of one target at one connection count over all rounds: medians of the per-round
 * figures, and the latency added over {@link Target#DIRECT} taken per round (the runs of one round at
 * one connection count ran back to back, so machine drift hits both alike) before the median.
 *
 * @param target the target
 * @param connections the connection count
 * @param rounds how many rounds ran
 * @param requestsPerSecond median requests/s
 * @param p50Millis median of the per-round medians
 * @param p90Millis likewise for p90
 * @param p99Millis likewise for p99
 * @param addedP50Millis median over rounds of (this p50 − direct p50 in the same round)
 * @param addedP99Millis likewise for p99
 * @param cpuMicrosPerRequest median CPU per request, all the target's processes together
 * @param cpuMicrosPerRequestByProcess median CPU per request of each process
 * @param maxRssMib the largest RSS each process had at the end of a run, MiB
 * @param errors errors over all rounds
 * @param requests requests over all rounds
 */
public record LoadSummary(
        Target target,
        int connections,
        int rounds,
        double requestsPerSecond,
        double p50Millis,
        double p90Millis,
        double p99Millis,
        double addedP50Millis,
        double addedP99Millis,
        double cpuMicrosPerRequest,
        Map<String, Double> cpuMicrosPerRequestByProcess,
        Map<String, Double> maxRssMib,
        long errors,
        long requests) {

    /** One summary per target and connection count, in target order, then by connections. */
    public static List<LoadSummary> of(List<LoadRun> runs) {
        List<LoadSummary> summaries = new ArrayList<>();
        TreeSet<Integer> connectionCounts = new TreeSet<>();
        runs.forEach(run -> connectionCounts.add(run.connections()));
        for (Target target : Target.values()) {
            for (int connections : connectionCounts) {
                List<LoadRun> mine = runs.stream()
                        .filter(r -> r.target() == target && r.connections() == connections)
                        .sorted(Comparator.comparingInt(LoadRun::round))
                        .toList();
                if (!mine.isEmpty()) {
                    summaries.add(summarize(target, connections, mine, runs));
                }
            }
        }
        return List.copyOf(summaries);
    }

    /** The summary of a target at a connection count, if it ran. */
    public static Optional<LoadSummary> find(List<LoadSummary> summaries, Target target, int connections) {
        return summaries.stream()
                .filter(s -> s.target() == target && s.connections() == connections)
                .findFirst();
    }

    private static LoadSummary summarize(Target target, int connections, List<LoadRun> mine, List<LoadRun> all) {
        List<Double> added50 = new ArrayList<>();
        List<Double> added99 = new ArrayList<>();
        for (LoadRun run : mine) {
            all.stream()
                    .filter(r ->
                            r.target() == Target.DIRECT && r.connections() == connections && r.round() == run.round())
                    .findFirst()
                    .ifPresent(direct -> {
                        added50.add((run.p50Micros() - direct.p50Micros()) / 1000.0);
                        added99.add((run.p99Micros() - direct.p99Micros()) / 1000.0);
                    });
        }
        Map<String, Double> cpuByProcess = new LinkedHashMap<>();
        Map<String, Double> rss = new LinkedHashMap<>();
        for (LoadRun run : mine) {
            run.cpu().cpuMicrosByProcess().keySet().forEach(name -> cpuByProcess.putIfAbsent(name, 0.0));
            run.rssKib().forEach((name, kib) -> rss.merge(name, kib / 1024.0, Math::max));
        }
        cpuByProcess.replaceAll((name, ignored) -> Medians.of(
                mine.stream().map(r -> r.cpu().microsPerRequest(name)).toList()));
        return new LoadSummary(
                target,
                connections,
                mine.size(),
                Medians.of(mine.stream().map(LoadRun::requestsPerSecond).toList()),
                Medians.of(mine.stream().map(r -> r.p50Micros() / 1000.0).toList()),
                Medians.of(mine.stream().map(r -> r.p90Micros() / 1000.0).toList()),
                Medians.of(mine.stream().map(r -> r.p99Micros() / 1000.0).toList()),
                Medians.of(added50),
                Medians.of(added99),
                Medians.of(mine.stream().map(r -> r.cpu().microsPerRequest()).toList()),
                cpuByProcess,
                rss,
                mine.stream().mapToLong(LoadRun::errors).sum(),
                mine.stream().mapToLong(LoadRun::requests).sum());
    }
}
