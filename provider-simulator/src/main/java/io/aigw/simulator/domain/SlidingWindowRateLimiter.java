package io.aigw.simulator.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Enforces requests- and tokens-per-minute per model over an exact sliding window of {@link #WINDOW}, the way a
 * provider does: a request is accepted only if it and everything accepted in the last 60 s stay within both
 * limits. Refused requests take nothing from the budget.
 */
public final class SlidingWindowRateLimiter {

    public static final Duration WINDOW = Duration.ofSeconds(60);

    private final Map<String, SlidingLog> logs = new ConcurrentHashMap<>();

    /**
     * @param model  whose budget to take from
     * @param limits the model's limits (unlimited ones always pass)
     * @param cost   tokens the request uses (prompt + completion)
     * @param now    the decision time; must not go backwards for a model
     */
    public LimitDecision tryAcquire(String model, Limits limits, long cost, Instant now) {
        SlidingLog log = logs.computeIfAbsent(model, name -> new SlidingLog(WINDOW));
        synchronized (log) {
            log.evict(now);
            boolean accepted = SlidingLog.fits(limits, log.requests(), log.tokens(), cost);
            Duration retryAfter = Duration.ZERO;
            String rejectedBy = null;
            if (accepted) {
                log.add(now, cost);
            } else {
                Duration untilFits = log.untilFits(now, limits, cost);
                retryAfter = untilFits != null ? untilFits : WINDOW;
                rejectedBy = limits.limitsRequests() && log.requests() + 1 > limits.rpm() ? "requests" : "tokens";
            }
            Duration reset = log.untilEmpty(now);
            return new LimitDecision(
                    accepted,
                    rejectedBy,
                    limits,
                    limits.limitsRequests() ? Math.max(0, limits.rpm() - log.requests()) : Long.MAX_VALUE,
                    limits.limitsTokens() ? Math.max(0, limits.tpm() - log.tokens()) : Long.MAX_VALUE,
                    reset,
                    reset,
                    retryAfter);
        }
    }

    /** Forgets every model's history. */
    public void reset() {
        logs.clear();
    }
}
