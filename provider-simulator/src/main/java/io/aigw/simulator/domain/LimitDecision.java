package io.aigw.simulator.domain;

import java.time.Duration;

/**
 * The limiter's answer to one request, with everything a provider puts in its rate-limit headers.
 *
 * @param accepted          whether the request may proceed
 * @param rejectedBy        on refusal, which limit was hit ({@code requests} or {@code tokens}); else null
 * @param limits            the limits that applied
 * @param remainingRequests requests still allowed in the current window (after this one, if accepted)
 * @param remainingTokens   tokens still allowed in the current window
 * @param resetRequests     time until the request window is fully replenished
 * @param resetTokens       time until the token window is fully replenished
 * @param retryAfter        on refusal, time until this request would fit; zero when accepted
 */
public record LimitDecision(
        boolean accepted,
        String rejectedBy,
        Limits limits,
        long remainingRequests,
        long remainingTokens,
        Duration resetRequests,
        Duration resetTokens,
        Duration retryAfter) {

    /**
     * A refusal for an injected 429 fault: nothing remains and everything resets after {@code retryAfter}. Limits
     * that are not configured are reported as 1 so that clients still see a plausible header set.
     */
    public static LimitDecision injected(Limits configured, Duration retryAfter) {
        Limits shown = new Limits(Math.max(1, configured.rpm()), Math.max(1, configured.tpm()));
        return new LimitDecision(false, "requests", shown, 0, 0, retryAfter, retryAfter, retryAfter);
    }
}
