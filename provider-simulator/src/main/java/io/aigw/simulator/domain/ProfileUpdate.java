package io.aigw.simulator.domain;

import java.time.Duration;

/** A partial change of a {@link ModelProfile}: null fields keep their current value. */
public record ProfileUpdate(
        Duration timeToFirstToken,
        Duration perTokenDelay,
        Double jitter,
        Integer outputTokens,
        Double failureRate,
        FailureKind failureKind,
        Duration hangDuration,
        Duration retryAfter,
        Long rpm,
        Long tpm,
        ReplaySource replay) {

    public static final ProfileUpdate NONE =
            new ProfileUpdate(null, null, null, null, null, null, null, null, null, null, null);
}
