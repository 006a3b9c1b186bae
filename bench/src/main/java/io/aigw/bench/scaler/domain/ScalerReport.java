package io.aigw.bench.scaler.domain;

import java.util.List;

/**
 * Everything the report shows.
 *
 * @param date when it ran (UTC)
 * @param command the command line
 * @param machine cores, Java, OS
 * @param trace the trace file and what it holds
 * @param profile the time-scaling applied to it
 * @param config the simulation's knobs
 * @param runMillis how long the simulation took
 * @param results one per strategy and start-up delay
 */
public record ScalerReport(
        String date,
        String command,
        String machine,
        String trace,
        LoadProfile profile,
        ReplayConfig config,
        long runMillis,
        List<RunResult> results) {

    public ScalerReport {
        results = List.copyOf(results);
    }

    public RunResult result(Strategy strategy, int startupSeconds) {
        return results.stream()
                .filter(r -> r.strategy() == strategy && r.startupSeconds() == startupSeconds)
                .findFirst()
                .orElseThrow();
    }
}
