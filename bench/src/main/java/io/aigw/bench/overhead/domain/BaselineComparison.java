package io.aigw.bench.overhead.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The cache-miss path of this build ({@link Target#AIGW_MISS}) against a baseline build or JVM
 * options ({@link Target#AIGW_BASE}) at one connection count: the ratio of the two in each round,
 * then the median of those ratios. The two ran back to back in each round, so a machine that drifts
 * by a fifth over a run (as these shared ones do) moves both alike and leaves the ratio; single runs
 * one after another could not tell a change of a few per cent from that drift.
 *
 * @param connections the connection count
 * @param cpuRatios per round, CPU per request of this build ÷ the baseline's (all processes)
 * @param requestsPerSecondRatios per round, req/s of this build ÷ the baseline's
 * @param cpuRatioByProcess per process, the median over rounds of its CPU per request ÷ the baseline's
 */
public record BaselineComparison(
        int connections,
        List<Double> cpuRatios,
        List<Double> requestsPerSecondRatios,
        Map<String, Double> cpuRatioByProcess) {

    public BaselineComparison {
        cpuRatios = List.copyOf(cpuRatios);
        requestsPerSecondRatios = List.copyOf(requestsPerSecondRatios);
        cpuRatioByProcess = Collections.unmodifiableMap(new LinkedHashMap<>(cpuRatioByProcess));
    }

    /** One comparison per connection count at which both targets ran in the same rounds. */
    public static List<BaselineComparison> of(List<LoadRun> runs) {
        TreeSet<Integer> connectionCounts = new TreeSet<>();
        runs.forEach(run -> connectionCounts.add(run.connections()));
        List<BaselineComparison> comparisons = new ArrayList<>();
        for (int connections : connectionCounts) {
            compare(runs, connections).ifPresent(comparisons::add);
        }
        return List.copyOf(comparisons);
    }

    /** The median over rounds of this build's CPU per request ÷ the baseline's; below 1: cheaper. */
    public double cpuRatio() {
        return Medians.of(cpuRatios);
    }

    /** The median over rounds of this build's req/s ÷ the baseline's; above 1: faster. */
    public double requestsPerSecondRatio() {
        return Medians.of(requestsPerSecondRatios);
    }

    /** How many rounds had this build cheaper than the baseline, of {@link #rounds()}. */
    public long roundsCheaper() {
        return cpuRatios.stream().filter(r -> r < 1).count();
    }

    public int rounds() {
        return cpuRatios.size();
    }

    private static Optional<BaselineComparison> compare(List<LoadRun> runs, int connections) {
        List<Double> cpu = new ArrayList<>();
        List<Double> rps = new ArrayList<>();
        Map<String, List<Double>> byProcess = new LinkedHashMap<>();
        for (LoadRun mine : runs) {
            if (mine.target() != Target.AIGW_MISS || mine.connections() != connections) {
                continue;
            }
            Optional<LoadRun> base = runs.stream()
                    .filter(r -> r.target() == Target.AIGW_BASE
                            && r.connections() == connections
                            && r.round() == mine.round())
                    .findFirst();
            if (base.isEmpty()) {
                continue;
            }
            cpu.add(ratio(mine.cpu().microsPerRequest(), base.get().cpu().microsPerRequest()));
            rps.add(ratio(mine.requestsPerSecond(), base.get().requestsPerSecond()));
            for (String process : mine.cpu().cpuMicrosByProcess().keySet()) {
                byProcess
                        .computeIfAbsent(process, name -> new ArrayList<>())
                        .add(ratio(
                                mine.cpu().microsPerRequest(process),
                                base.get().cpu().microsPerRequest(process)));
            }
        }
        if (cpu.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Double> medians = new LinkedHashMap<>();
        new TreeSet<>(byProcess.keySet()).forEach(name -> medians.put(name, Medians.of(byProcess.get(name))));
        return Optional.of(new BaselineComparison(connections, cpu, rps, medians));
    }

    /** NaN (ignored by the medians) when either side was not measured or the baseline's is zero. */
    private static double ratio(double mine, double base) {
        double ratio = mine / base;
        return Double.isFinite(ratio) ? ratio : Double.NaN;
    }
}
