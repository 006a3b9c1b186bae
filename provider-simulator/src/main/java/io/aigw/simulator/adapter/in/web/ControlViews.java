package io.aigw.simulator.adapter.in.web;

import io.aigw.simulator.domain.ModelProfile;
import io.aigw.simulator.domain.TrafficCounts;
import io.aigw.simulator.domain.TrafficStats;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** JSON shapes of the control API ({@code /sim/**}). Durations are written as milliseconds, e.g. {@code "250ms"}. */
final class ControlViews {

    private ControlViews() {}

    record Profile(
            String model,
            String timeToFirstToken,
            String perTokenDelay,
            double jitter,
            int outputTokens,
            double failureRate,
            String failureKind,
            String hangDuration,
            String retryAfter,
            long rpm,
            long tpm,
            String replay) {

        static Profile of(String model, ModelProfile p) {
            return new Profile(
                    model,
                    millis(p.timeToFirstToken()),
                    millis(p.perTokenDelay()),
                    p.jitter(),
                    p.outputTokens(),
                    p.failureRate(),
                    p.failureKind().label(),
                    millis(p.hangDuration()),
                    millis(p.retryAfter()),
                    p.limits().rpm(),
                    p.limits().tpm(),
                    p.replay().label());
        }
    }

    record Stats(String window, String slidingSpan, int openHangs, Map<String, ModelStats> models) {}

    record ModelStats(
            Counts totals, long maxAcceptedRequestsPerMinute, long maxAcceptedTokensPerMinute, List<Window> windows) {

        static ModelStats of(TrafficStats.Snapshot snapshot) {
            return new ModelStats(
                    Counts.of(snapshot.totals()),
                    snapshot.maxRequestsPerMinute(),
                    snapshot.maxTokensPerMinute(),
                    snapshot.windows().stream()
                            .map(w -> new Window(w.start(), Counts.of(w.counts())))
                            .toList());
        }
    }

    record Window(Instant start, Counts counts) {}

    record Counts(
            long acceptedRequests,
            long acceptedTokens,
            long rejectedRequests,
            long rejectedTokens,
            long failedRequests) {

        static Counts of(TrafficCounts c) {
            return new Counts(
                    c.acceptedRequests(),
                    c.acceptedTokens(),
                    c.rejectedRequests(),
                    c.rejectedTokens(),
                    c.failedRequests());
        }
    }

    /** An RFC 9457 problem detail. */
    record Problem(String type, String title, int status, String detail) {}

    static String millis(Duration duration) {
        return duration.toMillis() + "ms";
    }
}
