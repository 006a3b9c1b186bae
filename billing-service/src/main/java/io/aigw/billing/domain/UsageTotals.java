package io.aigw.billing.domain;

import java.math.BigDecimal;

/**
 * Sums over ledger rows. Money stays exact.
 *
 * @param requests ledger rows
 * @param promptTokens billed input tokens
 * @param completionTokens billed output tokens
 * @param costUsd what was spent (escalated attempts included)
 * @param cacheHits requests answered from the exact or semantic cache
 * @param savedUsd what the cache hits saved
 * @param escalations cascade escalations
 * @param escalationCostUsd the part of the cost spent on escalated, discarded attempts
 * @param topTierCostUsd what the same tokens would have cost at the top tier
 */
public record UsageTotals(
        long requests,
        long promptTokens,
        long completionTokens,
        BigDecimal costUsd,
        long cacheHits,
        BigDecimal savedUsd,
        long escalations,
        BigDecimal escalationCostUsd,
        BigDecimal topTierCostUsd) {

    /** Prompt plus completion tokens. */
    public long totalTokens() {
        return promptTokens + completionTokens;
    }
}
