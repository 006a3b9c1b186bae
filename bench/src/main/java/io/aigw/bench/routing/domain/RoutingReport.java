package io.aigw.bench.routing.domain;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One run of the routing benchmark: what was run, where, and every data set's figures.
 *
 * @param date when the run started (ISO-8601, UTC)
 * @param command the exact command that produced it
 * @param machine cores, Java version, operating system
 * @param concurrency requests in flight at once
 * @param runTime wall-clock time of the requests (the stack's start-up excluded)
 * @param datasets one per data set run
 */
public record RoutingReport(
        String date, String command, String machine, int concurrency, Duration runTime, List<DatasetResult> datasets) {

    public RoutingReport {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(machine, "machine");
        Objects.requireNonNull(runTime, "runTime");
        datasets = List.copyOf(datasets);
    }
}
