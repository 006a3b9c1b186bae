package io.aigw.routing.domain;

/**
 * The tiers a request may use: the client's {@code x-aigw-min-tier}/{@code x-aigw-max-tier} within
 * what the tenant's plan (and the current policy) allows.
 */
public record TierRange(int min, int max, int planMax) {

    public static final TierRange ALL = new TierRange(1, 3, 3);

    public TierRange {
        if (min < 1 || max > 3 || min > max) {
            throw new IllegalArgumentException("tier range must satisfy 1 <= min <= max <= 3, was " + min + ".." + max);
        }
        if (planMax < 1 || planMax > 3) {
            throw new IllegalArgumentException("plan max tier must be 1..3, was " + planMax);
        }
    }
}
