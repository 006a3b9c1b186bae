package io.aigw.gateway.domain;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What the {@code x-ratelimit-*} headers tell a client: for requests and for tokens, the limit that
 * will bite first (the one with the least left, over every scope and both the minute and the day),
 * what is left of it and when it frees up. A kind no plan limits is absent.
 */
public record RateLimitStatus(Optional<Allowance> requests, Optional<Allowance> tokens) {

    public static final RateLimitStatus NONE = new RateLimitStatus(Optional.empty(), Optional.empty());

    /**
     * @param limit the limit's value
     * @param remaining what is left of it (never negative)
     * @param reset until it frees up: the oldest request leaves the minute window, or the UTC day ends
     */
    public record Allowance(long limit, long remaining, Duration reset) {}

    /** The binding limits after a decision. */
    public static RateLimitStatus of(List<ScopeUsage> usages, Duration dayReset) {
        Allowance requests = null;
        Allowance tokens = null;
        for (ScopeUsage usage : usages) {
            for (LimitKind kind : LimitKind.values()) {
                long limit = usage.plan().limitOf(kind);
                if (limit == 0) {
                    continue;
                }
                Duration reset = kind.isDaily() ? dayReset : usage.minuteReset();
                Allowance candidate = new Allowance(limit, Math.max(0, limit - usage.usedOf(kind)), reset);
                if (kind.countsTokens()) {
                    tokens = tighter(tokens, candidate);
                } else {
                    requests = tighter(requests, candidate);
                }
            }
        }
        return new RateLimitStatus(Optional.ofNullable(requests), Optional.ofNullable(tokens));
    }

    private static Allowance tighter(Allowance current, Allowance candidate) {
        return current == null || candidate.remaining() < current.remaining() ? candidate : current;
    }

    /** The same status after the request's tokens were settled from its estimate to its real use. */
    public RateLimitStatus afterSettling(long estimate, long actual) {
        long delta = actual - estimate;
        return new RateLimitStatus(
                requests,
                tokens.map(t ->
                        new Allowance(t.limit(), Math.max(0, Math.min(t.limit(), t.remaining() - delta)), t.reset())));
    }
}
