package io.aigw.bench.limits.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * One run: a store setting, the load sent and everything measured about it.
 *
 * @param store {@code redis} (reservations shared by the replicas) or {@code local} (each replica alone
 *     against the whole limit)
 * @param loadStart when the first arrival was due
 * @param loadEnd when the last answer came back
 * @param client what the client saw
 * @param cheap what the simulator saw for the cheap model's upstream
 * @param spill what the simulator saw for the next deployment's upstream
 * @param utilization the cheap model's steady-part utilization
 * @param routing what the routing replicas counted for the cheap model
 * @param probe the retry-after check
 */
public record RunResult(
        String store,
        Instant loadStart,
        Instant loadEnd,
        ClientTally client,
        SimulatorModelStats cheap,
        SimulatorModelStats spill,
        Utilization utilization,
        RoutingCounters routing,
        ProbeResult probe) {

    public Duration loadDuration() {
        return Duration.between(loadStart, loadEnd);
    }
}
