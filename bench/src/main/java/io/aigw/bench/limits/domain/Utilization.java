package io.aigw.bench.limits.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * How much of a model's limits the simulator accepted over the steady part of a run: the fixed
 * windows that lie wholly between one minute after the load started (a sliding window needs a minute
 * to fill) and the load's end — including windows in which it accepted nothing — as requests and
 * tokens per minute divided by the limits.
 *
 * @param windows how many fixed windows the steady part spans
 * @param steady how long they cover
 * @param requestsPerMinute accepted requests per minute over them
 * @param tokensPerMinute accepted tokens per minute over them
 * @param rpm the request limit (0: none)
 * @param tpm the token limit (0: none)
 */
public record Utilization(
        int windows, Duration steady, double requestsPerMinute, double tokensPerMinute, long rpm, long tpm) {

    /** The warm-up a sliding minute needs before it can be full. */
    public static final Duration FILL = Duration.ofMinutes(1);

    public static Utilization of(SimulatorModelStats stats, Instant loadStart, Instant loadEnd, long rpm, long tpm) {
        // the simulator lists only windows that saw a request: count the span, not the windows present
        long length = stats.windowLength().toMillis();
        long from = Math.floorDiv(loadStart.plus(FILL).toEpochMilli() + length - 1, length) * length;
        long to = Math.floorDiv(loadEnd.toEpochMilli(), length) * length;
        int windows = (int) Math.max(0, (to - from) / length);
        long requests = 0;
        long tokens = 0;
        for (SimulatorModelStats.Window w : stats.windows()) {
            long start = w.start().toEpochMilli();
            if (start >= from && start < to) {
                requests += w.acceptedRequests();
                tokens += w.acceptedTokens();
            }
        }
        Duration steady = stats.windowLength().multipliedBy(windows);
        double minutes = steady.toMillis() / 60_000.0;
        return new Utilization(
                windows, steady, minutes == 0 ? 0 : requests / minutes, minutes == 0 ? 0 : tokens / minutes, rpm, tpm);
    }

    /** Accepted requests per minute ÷ the RPM limit; 0 without a limit or a steady part. */
    public double ofRpm() {
        return rpm == 0 ? 0 : requestsPerMinute / rpm;
    }

    /** Accepted tokens per minute ÷ the TPM limit; 0 without a limit or a steady part. */
    public double ofTpm() {
        return tpm == 0 ? 0 : tokensPerMinute / tpm;
    }

    /** The utilization of whichever limit binds (the larger share). */
    public double ofBinding() {
        return Math.max(ofRpm(), ofTpm());
    }
}
