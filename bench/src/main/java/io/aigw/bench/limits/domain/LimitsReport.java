package io.aigw.bench.limits.domain;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The limits benchmark: how it was set up, each run and the reservation micro-benchmark.
 *
 * @param date when it started (ISO-8601, UTC)
 * @param command the exact command
 * @param machine cores, Java, operating system
 * @param setup the load and limits every run used
 * @param runs one per store setting
 * @param reservation the micro-benchmark of one reservation + settlement, sequential first
 * @param runTime wall-clock time of the whole command
 */
public record LimitsReport(
        String date,
        String command,
        String machine,
        Setup setup,
        List<RunResult> runs,
        List<ReservationLatency> reservation,
        Duration runTime) {

    public LimitsReport {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(setup, "setup");
        runs = List.copyOf(runs);
        reservation = List.copyOf(reservation);
    }

    /**
     * What every run shares.
     *
     * @param traceFile the trace file's name
     * @param traceRows rows in it
     * @param shape how the trace was scaled and clipped
     * @param arrivals arrivals per run
     * @param meanPromptTokens their mean prompt size
     * @param meanMaxTokens their mean {@code max_tokens}
     * @param offeredRequestsPerMinute arrivals per minute of load
     * @param offeredTokensPerMinute their tokens (prompt + max_tokens) per minute of load
     * @param cheapModel the catalog model whose limits bind, e.g. {@code llama-3-8b}
     * @param cheapUpstream its simulator profile, e.g. {@code sim-weak}
     * @param spillModel the next deployment of the group
     * @param rpm the cheap model's RPM limit (simulator and routing's catalog alike)
     * @param tpm its TPM limit
     * @param maxInFlight the client's in-flight bound
     * @param replicas routing replicas (each behind its own gateway)
     */
    public record Setup(
            String traceFile,
            int traceRows,
            LoadShape shape,
            int arrivals,
            double meanPromptTokens,
            double meanMaxTokens,
            double offeredRequestsPerMinute,
            double offeredTokensPerMinute,
            String cheapModel,
            String cheapUpstream,
            String spillModel,
            long rpm,
            long tpm,
            int maxInFlight,
            int replicas) {}
}
