package io.aigw.gateway.domain;

import java.time.Duration;

/**
 * What one scope has used, right after a decision (including the request when it was granted).
 *
 * @param plan the plan the scope was counted against (a share of it while counting locally)
 * @param minuteRequests requests in the last minute
 * @param minuteTokens tokens in the last minute
 * @param minuteReset until the oldest request of the last minute leaves the window (zero if none)
 * @param dayRequests requests this UTC day
 * @param dayTokens tokens this UTC day
 */
public record ScopeUsage(
        Plan plan, long minuteRequests, long minuteTokens, Duration minuteReset, long dayRequests, long dayTokens) {

    /** What the scope has used of one kind of limit. */
    public long usedOf(LimitKind kind) {
        return switch (kind) {
            case RPM -> minuteRequests;
            case TPM -> minuteTokens;
            case REQUESTS_PER_DAY -> dayRequests;
            case TOKENS_PER_DAY -> dayTokens;
        };
    }
}
