package io.aigw.bench.limits.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * How much of a model's limits the simulator accepted over the steady part of a run: the fixed
 * windows that lie wholly between one minute after the load started (a sliding window needs a minute
 * to fill) and the load's end, as requests and tokens per minute divided by the limits.
 *
 * @param windows how many fixed windows the steady part holds
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
        Instant from = loadStart.plus(FILL);
        long requests = 0;
        long tokens = 0;
        int windows = 0;
        for (SimulatorModelStats.Window w : stats.windows()) {
            Instant end = w.start().plus(stats.windowLength());
            if (!w.start().isBefore(from) && !end.isAfter(loadEnd)) {
                requests += w.acceptedRequests();
                tokens += w.acceptedTokens();
                windows++;
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
