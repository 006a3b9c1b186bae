package io.aigw.gateway.application;

import io.aigw.gateway.domain.LimitDecision;
import io.aigw.gateway.domain.LimitScope;
import io.aigw.gateway.domain.RateLimitStatus;
import io.aigw.gateway.domain.UtcDay;
import java.time.Duration;
import java.util.List;

/**
 * A request's pass through the tenant limits: what it was charged where, and the decision.
 *
 * @param scopes what it was charged to; empty for a tenant without limits
 * @param id the request id it was charged under
 * @param day the UTC day its daily quotas counted
 * @param estimate the tokens charged before the call
 * @param decision granted or refused, and the usage right after; {@code null} without limits
 * @param local whether this replica's own count decided (the shared store had failed)
 */
public record Admission(
        List<LimitScope> scopes, String id, UtcDay day, long estimate, LimitDecision decision, boolean local) {

    static Admission unlimited(String id, UtcDay day, long estimate) {
        return new Admission(List.of(), id, day, estimate, null, false);
    }

    public boolean granted() {
        return decision == null || decision.granted();
    }

    /** Whether anything was charged, so that settling means something. */
    boolean isCounted() {
        return decision != null && decision.granted();
    }

    public RateLimitStatus status() {
        return decision == null ? RateLimitStatus.NONE : decision.status();
    }

    public Duration retryAfter() {
        return decision == null ? Duration.ZERO : decision.retryAfter();
    }

    /** Why the request was refused, for the client. */
    public String explain() {
        return decision.explain(scopes, estimate);
    }
}
