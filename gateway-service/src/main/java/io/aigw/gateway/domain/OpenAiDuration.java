package io.aigw.gateway.domain;

import java.time.Duration;

/**
 * Durations as OpenAI writes them in {@code x-ratelimit-reset-*}: {@code 20ms} under a second, else
 * whole seconds rounded up in Go's style ({@code 1s}, {@code 6m0s}, {@code 1h2m3s}).
 */
public final class OpenAiDuration {

    private OpenAiDuration() {}

    public static String format(Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            return "0s";
        }
        if (duration.compareTo(Duration.ofSeconds(1)) < 0) {
            return Math.max(1, ceilDiv(duration.toNanos(), 1_000_000)) + "ms";
        }
        long seconds = wholeSecondsUp(duration);
        long hours = seconds / 3600;
        long minutes = (seconds % 3600) / 60;
        long rest = seconds % 60;
        if (hours > 0) {
            return hours + "h" + minutes + "m" + rest + "s";
        }
        return minutes > 0 ? minutes + "m" + rest + "s" : rest + "s";
    }

    /** Whole seconds, rounded up, as {@code retry-after} wants them; at least 1 for any wait. */
    public static long wholeSecondsUp(Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            return 0;
        }
        return Math.max(1, ceilDiv(duration.toNanos(), 1_000_000_000));
    }

    private static long ceilDiv(long value, long divisor) {
        return (value + divisor - 1) / divisor;
    }
}
