package io.aigw.bench.scaler.domain;

import java.util.List;

/**
 * How the trace is time-scaled: a list of segments, each playing the trace at a speed that moves
 * linearly from {@code from} to {@code to} (speed 2 = twice the trace's own arrival rate). The trace
 * is looped when the profile needs more of it than it holds; its own burstiness is kept.
 */
public record LoadProfile(List<Segment> segments) {

    /** One stretch of simulated time. */
    public record Segment(String name, int seconds, double from, double to) {
        public Segment {
            if (seconds <= 0 || from < 0 || to < 0) {
                throw new IllegalArgumentException("bad segment " + name);
            }
        }

        double speedAt(double offset) {
            return from + (to - from) * (offset / seconds);
        }
    }

    public LoadProfile {
        segments = List.copyOf(segments);
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("a load profile needs at least one segment");
        }
    }

    /**
     * Two hours: quiet, a 30-minute ramp to 3×, a plateau, a 5-minute burst at 6×, the plateau again,
     * a ramp down and a long quiet tail.
     */
    public static LoadProfile rampBurstQuiet() {
        return new LoadProfile(List.of(
                new Segment("quiet", 20 * 60, 0.5, 0.5),
                new Segment("ramp", 30 * 60, 0.5, 3.0),
                new Segment("plateau", 15 * 60, 3.0, 3.0),
                new Segment("burst", 5 * 60, 6.0, 6.0),
                new Segment("plateau", 10 * 60, 3.0, 3.0),
                new Segment("ramp down", 15 * 60, 3.0, 0.3),
                new Segment("quiet", 25 * 60, 0.3, 0.3)));
    }

    public int seconds() {
        return segments.stream().mapToInt(Segment::seconds).sum();
    }

    /** The speed at simulated second {@code t} (its midpoint). */
    public double speedAt(int t) {
        int start = 0;
        for (Segment segment : segments) {
            if (t < start + segment.seconds()) {
                return segment.speedAt(t - start + 0.5);
            }
            start += segment.seconds();
        }
        throw new IllegalArgumentException("second " + t + " is after the profile's end");
    }

    /**
     * Arrivals per simulated second: the trace requests whose (looped) trace time falls in the trace
     * interval that second plays.
     *
     * @param arrivalOffsets trace arrival times in seconds from the trace's start, sorted
     * @param traceSeconds the trace's length (the loop period)
     */
    public int[] arrivals(double[] arrivalOffsets, double traceSeconds) {
        int[] perSecond = new int[seconds()];
        double position = 0;
        for (int t = 0; t < perSecond.length; t++) {
            double next = position + speedAt(t);
            perSecond[t] =
                    (int) (count(arrivalOffsets, traceSeconds, next) - count(arrivalOffsets, traceSeconds, position));
            position = next;
        }
        return perSecond;
    }

    /** Arrivals with looped trace time below {@code position}. */
    private static long count(double[] offsets, double traceSeconds, double position) {
        long loops = (long) Math.floor(position / traceSeconds);
        double rest = position - loops * traceSeconds;
        return loops * offsets.length + lowerBound(offsets, rest);
    }

    private static int lowerBound(double[] sorted, double value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
