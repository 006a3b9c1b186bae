package io.aigw.simulator.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each model received: totals, counts per fixed window (only the most recent windows are kept), and the
 * largest number of requests and tokens accepted within any sliding {@link SlidingWindowRateLimiter#WINDOW} —
 * the figure that proves a client never pushed a model over its limits.
 */
public final class TrafficStats {

    private final Duration windowLength;
    private final int windowsKept;
    private final Map<String, ModelTraffic> models = new ConcurrentHashMap<>();

    public TrafficStats(Duration windowLength, int windowsKept) {
        if (windowLength.isZero() || windowLength.isNegative() || windowsKept < 1) {
            throw new IllegalArgumentException(
                    "stats window must be > 0 and windows kept >= 1, got " + windowLength + " and " + windowsKept);
        }
        this.windowLength = windowLength;
        this.windowsKept = windowsKept;
    }

    /** Records one request; {@code now} must not go backwards for a model. */
    public void record(String model, TrafficCounts.Outcome outcome, long tokens, Instant now) {
        models.computeIfAbsent(model, name -> new ModelTraffic()).record(outcome, tokens, now);
    }

    /** A consistent copy of every model's figures, sorted by model name. */
    public Map<String, Snapshot> snapshot() {
        Map<String, Snapshot> copy = new TreeMap<>();
        models.forEach((model, traffic) -> copy.put(model, traffic.snapshot()));
        return copy;
    }

    public Duration windowLength() {
        return windowLength;
    }

    public void reset() {
        models.clear();
    }

    /**
     * One model's figures.
     *
     * @param totals                 everything since start or reset
     * @param maxRequestsPerMinute   most requests accepted within any sliding 60 s
     * @param maxTokensPerMinute     most tokens accepted within any sliding 60 s
     * @param windows                the most recent fixed windows, oldest first
     */
    public record Snapshot(
            TrafficCounts totals, long maxRequestsPerMinute, long maxTokensPerMinute, List<Window> windows) {}

    /**
     * Counts of one fixed window {@code [start, start + length)}.
     *
     * @param start  the window's start, aligned to multiples of the window length since the epoch
     * @param counts what the window received
     */
    public record Window(Instant start, TrafficCounts counts) {}

    private final class ModelTraffic {
        private final SlidingLog lastMinute = new SlidingLog(SlidingWindowRateLimiter.WINDOW);
        private final Deque<Window> windows = new ArrayDeque<>();
        private TrafficCounts totals = TrafficCounts.ZERO;
        private long maxRequests;
        private long maxTokens;

        synchronized void record(TrafficCounts.Outcome outcome, long tokens, Instant now) {
            totals = totals.plus(outcome, tokens);
            Instant start = windowStart(now);
            Window current = windows.peekLast();
            if (current == null || current.start().isBefore(start)) {
                current = new Window(start, TrafficCounts.ZERO);
                windows.addLast(current);
                while (windows.size() > windowsKept) {
                    windows.removeFirst();
                }
            }
            windows.removeLast();
            windows.addLast(new Window(current.start(), current.counts().plus(outcome, tokens)));
            if (outcome == TrafficCounts.Outcome.ACCEPTED) {
                // A sliding count can only reach a new maximum at the moment an entry arrives.
                lastMinute.evict(now);
                lastMinute.add(now, tokens);
                maxRequests = Math.max(maxRequests, lastMinute.requests());
                maxTokens = Math.max(maxTokens, lastMinute.tokens());
            }
        }

        synchronized Snapshot snapshot() {
            return new Snapshot(totals, maxRequests, maxTokens, new ArrayList<>(windows));
        }

        private Instant windowStart(Instant now) {
            long length = windowLength.toMillis();
            return Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), length) * length);
        }
    }
}
