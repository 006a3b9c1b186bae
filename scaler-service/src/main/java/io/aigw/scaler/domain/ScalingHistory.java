package io.aigw.scaler.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the HPA controller remembers per workload: the unstabilized recommendations (for the
 * stabilization windows) and the scale events (for the rate policies). Immutable; every change
 * returns a new history with entries older than {@code keep} dropped.
 */
public record ScalingHistory(List<TimedRecommendation> recommendations, List<ScaleEvent> events) {

    /** A recommendation before stabilization, and when it was made. */
    public record TimedRecommendation(Instant at, int replicas) {}

    /** A change that was applied: positive for up, negative for down. */
    public record ScaleEvent(Instant at, int change) {}

    public ScalingHistory {
        recommendations = List.copyOf(recommendations);
        events = List.copyOf(events);
    }

    public static ScalingHistory empty() {
        return new ScalingHistory(List.of(), List.of());
    }

    ScalingHistory withRecommendation(Instant at, int replicas, Duration keep) {
        List<TimedRecommendation> next = new ArrayList<>();
        Instant cutoff = at.minus(keep);
        for (TimedRecommendation r : recommendations) {
            if (r.at().isAfter(cutoff)) {
                next.add(r);
            }
        }
        next.add(new TimedRecommendation(at, replicas));
        return new ScalingHistory(next, events);
    }

    /** Records an applied change from {@code from} to {@code to} replicas. */
    public ScalingHistory withScale(Instant at, int from, int to, Duration keep) {
        if (from == to) {
            return this;
        }
        List<ScaleEvent> next = new ArrayList<>();
        Instant cutoff = at.minus(keep);
        for (ScaleEvent e : events) {
            if (e.at().isAfter(cutoff)) {
                next.add(e);
            }
        }
        next.add(new ScaleEvent(at, to - from));
        return new ScalingHistory(recommendations, next);
    }

    /** Replicas added (up) or removed (down) within {@code period} before {@code now}, as a positive number. */
    int changedWithin(Instant now, Duration period, boolean up) {
        Instant cutoff = now.minus(period);
        int sum = 0;
        for (ScaleEvent e : events) {
            if (e.at().isAfter(cutoff) && (e.change() > 0) == up) {
                sum += Math.abs(e.change());
            }
        }
        return sum;
    }
}
