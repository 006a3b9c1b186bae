package io.aigw.simulator.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * How one simulated model behaves. Immutable; {@link #apply(ProfileUpdate)} gives a changed copy.
 *
 * @param timeToFirstToken delay before the first token (or before the whole JSON answer starts)
 * @param perTokenDelay    delay between streamed tokens
 * @param jitter           0..1: each delay is scaled by a random factor in [1 - jitter, 1 + jitter]
 * @param outputTokens     length of filler answers, in tokens
 * @param failureRate      0..1: share of requests that get {@code failureKind}
 * @param failureKind      the injected fault
 * @param hangDuration     how long a {@link FailureKind#HANG} holds the request (at most {@link #MAX_HANG})
 * @param retryAfter       the {@code retry-after} of an injected 429
 * @param limits           enforced requests and tokens per minute
 * @param replay           whose recorded answers to replay, if any
 */
public record ModelProfile(
        Duration timeToFirstToken,
        Duration perTokenDelay,
        double jitter,
        int outputTokens,
        double failureRate,
        FailureKind failureKind,
        Duration hangDuration,
        Duration retryAfter,
        Limits limits,
        ReplaySource replay) {

    /** Hangs are bounded so that a forgotten fault setting cannot pin connections forever. */
    public static final Duration MAX_HANG = Duration.ofMinutes(10);

    public static final ModelProfile DEFAULT = new ModelProfile(
            Duration.ZERO,
            Duration.ZERO,
            0,
            32,
            0,
            FailureKind.NONE,
            Duration.ofSeconds(120),
            Duration.ofSeconds(1),
            Limits.UNLIMITED,
            ReplaySource.NONE);

    public ModelProfile {
        nonNegative("time-to-first-token", timeToFirstToken);
        nonNegative("per-token-delay", perTokenDelay);
        nonNegative("hang-duration", hangDuration);
        nonNegative("retry-after", retryAfter);
        if (hangDuration.compareTo(MAX_HANG) > 0) {
            throw new IllegalArgumentException("hang-duration must be at most " + MAX_HANG + ", got " + hangDuration);
        }
        ratio("jitter", jitter);
        ratio("failure-rate", failureRate);
        if (outputTokens < 0) {
            throw new IllegalArgumentException("output-tokens must be >= 0, got " + outputTokens);
        }
        Objects.requireNonNull(failureKind, "failure-kind");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(replay, "replay");
    }

    /** A copy with every non-null field of {@code update} replacing the current value. */
    public ModelProfile apply(ProfileUpdate update) {
        return new ModelProfile(
                or(update.timeToFirstToken(), timeToFirstToken),
                or(update.perTokenDelay(), perTokenDelay),
                or(update.jitter(), jitter),
                or(update.outputTokens(), outputTokens),
                or(update.failureRate(), failureRate),
                or(update.failureKind(), failureKind),
                or(update.hangDuration(), hangDuration),
                or(update.retryAfter(), retryAfter),
                new Limits(or(update.rpm(), limits.rpm()), or(update.tpm(), limits.tpm())),
                or(update.replay(), replay));
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }

    private static void nonNegative(String name, Duration value) {
        if (value == null || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be a duration >= 0, got " + value);
        }
    }

    private static void ratio(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be within 0..1, got " + value);
        }
    }
}
