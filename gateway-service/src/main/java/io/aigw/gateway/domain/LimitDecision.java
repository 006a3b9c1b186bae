package io.aigw.gateway.domain;

import java.time.Duration;
import java.util.List;

/**
 * Whether a request fits its tenant's limits, and what every scope has used right after.
 *
 * @param refusedBy the limit that refused the request (the one with the longest wait), or
 *     {@code null} when it was granted
 * @param refusedScope the index (into the request's scopes) of the scope that refused it, -1 if none
 * @param retryAfter until the request would fit; zero when granted
 * @param dayReset until the current UTC day ends
 * @param usages per scope, in the order of the request's scopes
 */
public record LimitDecision(
        LimitKind refusedBy, int refusedScope, Duration retryAfter, Duration dayReset, List<ScopeUsage> usages) {

    public LimitDecision {
        usages = List.copyOf(usages);
    }

    public static LimitDecision granted(Duration dayReset, List<ScopeUsage> usages) {
        return new LimitDecision(null, -1, Duration.ZERO, dayReset, usages);
    }

    public static LimitDecision refused(
            LimitKind kind, int scope, Duration wait, Duration dayReset, List<ScopeUsage> usages) {
        return new LimitDecision(kind, scope, wait, dayReset, usages);
    }

    public boolean granted() {
        return refusedBy == null;
    }

    /** {@code retry-after}: whole seconds, rounded up. */
    public long retryAfterSeconds() {
        return OpenAiDuration.wholeSecondsUp(retryAfter);
    }

    public RateLimitStatus status() {
        return RateLimitStatus.of(usages, dayReset);
    }

    /** The client's error message, in OpenAI's words (without the wait: {@code retry-after} has it). */
    public String explain(List<LimitScope> scopes, long requestedTokens) {
        if (granted()) {
            throw new IllegalStateException("a granted request needs no explanation");
        }
        ScopeUsage usage = usages.get(refusedScope);
        String what = refusedBy.isDaily() ? "Daily quota reached for " : "Rate limit reached for ";
        String message = what + scopes.get(refusedScope).describe() + " on " + refusedBy.description() + ": Limit "
                + usage.plan().limitOf(refusedBy) + ", Used " + usage.usedOf(refusedBy) + ", Requested "
                + (refusedBy.countsTokens() ? requestedTokens : 1) + ".";
        return refusedBy.isDaily() ? message + " The quota resets at 00:00 UTC." : message;
    }
}
