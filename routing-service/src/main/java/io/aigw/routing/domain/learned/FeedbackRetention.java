package io.aigw.routing.domain.learned;

import java.time.Duration;
import java.util.Objects;

/**
 * How much feedback a tenant keeps: at most {@code maxPerTenant} entries (the oldest go first) and none
 * older than {@code maxAge}. Bounds the memory of every replica (about 1.6 KB per entry with a
 * 384-dimension embedding), the Redis hash, and the predictor's work per request, and lets old feedback
 * age out as models and traffic change.
 */
public record FeedbackRetention(int maxPerTenant, Duration maxAge) {

    public FeedbackRetention {
        if (maxPerTenant < 1) {
            throw new IllegalArgumentException("feedback per tenant must be positive, was " + maxPerTenant);
        }
        Objects.requireNonNull(maxAge, "maxAge");
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("feedback max age must be positive, was " + maxAge);
        }
    }
}
