package io.aigw.bench.limits.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What the simulator saw for one model ({@code GET /sim/stats}).
 *
 * @param acceptedRequests requests it answered within its limits
 * @param acceptedTokens their tokens (prompt + completion)
 * @param rejectedRequests requests it answered 429 for its RPM/TPM limits
 * @param failedRequests injected faults (none here)
 * @param maxRequestsPerMinute most requests accepted within any sliding 60 s
 * @param maxTokensPerMinute most tokens accepted within any sliding 60 s
 * @param windowLength the length of its fixed windows
 * @param windows its fixed windows, oldest first
 */
public record SimulatorModelStats(
        long acceptedRequests,
        long acceptedTokens,
        long rejectedRequests,
        long failedRequests,
        long maxRequestsPerMinute,
        long maxTokensPerMinute,
        Duration windowLength,
        List<Window> windows) {

    public static final SimulatorModelStats NONE =
            new SimulatorModelStats(0, 0, 0, 0, 0, 0, Duration.ofSeconds(10), List.of());

    public SimulatorModelStats {
        windows = List.copyOf(windows);
    }

    /**
     * One fixed window.
     *
     * @param start aligned to multiples of the window length since the epoch
     * @param acceptedRequests requests accepted in it
     * @param acceptedTokens tokens accepted in it
     * @param rejectedRequests requests answered 429 in it
     */
    public record Window(Instant start, long acceptedRequests, long acceptedTokens, long rejectedRequests) {}
}
