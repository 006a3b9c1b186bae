package io.aigw.simulator.domain;

import java.time.Duration;
import java.util.random.RandomGenerator;

/** Decides, per request, whether the profile's fault strikes, and how long each simulated delay lasts. */
public final class FaultPicker {

    private final RandomGenerator random;

    /** @param random shared source of chance; thread-safe ({@link java.util.Random}) in production, seeded in tests */
    public FaultPicker(RandomGenerator random) {
        this.random = random;
    }

    /** The fault for this request, or {@link FailureKind#NONE}. */
    public FailureKind pick(ModelProfile profile) {
        if (profile.failureKind() == FailureKind.NONE || profile.failureRate() <= 0) {
            return FailureKind.NONE;
        }
        if (profile.failureRate() >= 1 || random.nextDouble() < profile.failureRate()) {
            return profile.failureKind();
        }
        return FailureKind.NONE;
    }

    /** {@code base} scaled by a random factor within [1 - jitter, 1 + jitter]. */
    public Duration jittered(Duration base, double jitter) {
        if (base.isZero() || jitter <= 0) {
            return base;
        }
        double factor = 1 + jitter * (2 * random.nextDouble() - 1);
        return Duration.ofNanos(Math.round(base.toNanos() * factor));
    }
}
