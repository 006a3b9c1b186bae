package io.aigw.billing.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;

/**
 * One finished request as the ledger keeps it: the usage event (ADR 0021) checked against what the
 * ledger can store exactly. Money is exact decimal; an absent amount is zero. A record that fails
 * these checks is a poison entry: it goes to the dead-letter stream, never half into the ledger.
 *
 * @param requestId the idempotency key
 * @param tenantId the tenant charged
 * @param keyId the gateway key's id, when known
 * @param requestedModel what the client asked for (model or group)
 * @param model the catalog model that answered, if any
 * @param provider the provider that answered, if any
 * @param tier 1..3, 0 when nothing answered
 * @param promptTokens billed input tokens
 * @param completionTokens billed output tokens
 * @param cachedPromptTokens the part of the input billed at the cached-input price
 * @param costUsd what the request cost (including escalated attempts)
 * @param savedUsd what a cache hit saved
 * @param topTierCostUsd what the same tokens would have cost at the top tier
 * @param escalations cascade escalations
 * @param escalationCostUsd the part of the cost spent on discarded, escalated attempts
 * @param cache hit-exact, hit-semantic, miss or bypass
 * @param attempts deployments tried
 * @param status HTTP status the client received
 * @param latencyMs routing's wall time
 * @param occurredAt when the request finished
 * @param inputPricePerMtok price stamp, USD per million input tokens
 * @param outputPricePerMtok price stamp, USD per million output tokens
 * @param cachedInputPricePerMtok price stamp, USD per million cached input tokens
 * @param holdId the budget hold the request settled
 * @param streamEntryId the stream entry it came from, for tracing
 */
public record UsageRecord(
        String requestId,
        String tenantId,
        Optional<String> keyId,
        Optional<String> requestedModel,
        Optional<String> model,
        Optional<String> provider,
        int tier,
        long promptTokens,
        long completionTokens,
        long cachedPromptTokens,
        BigDecimal costUsd,
        BigDecimal savedUsd,
        BigDecimal topTierCostUsd,
        int escalations,
        BigDecimal escalationCostUsd,
        String cache,
        int attempts,
        int status,
        long latencyMs,
        Instant occurredAt,
        Optional<BigDecimal> inputPricePerMtok,
        Optional<BigDecimal> outputPricePerMtok,
        Optional<BigDecimal> cachedInputPricePerMtok,
        Optional<String> holdId,
        String streamEntryId) {

    /** The cache results routing sends ({@code x-aigw-cache}). */
    public static final Set<String> CACHE_RESULTS = Set.of("hit-exact", "hit-semantic", "miss", "bypass");

    /** Checks every value against what the ledger stores, naming the bad field. */
    public UsageRecord {
        requestId = text("request_id", requestId, 128);
        tenantId = text("tenant_id", tenantId, 64);
        keyId = optionalText("key_id", keyId, 64);
        requestedModel = optionalText("requested_model", requestedModel, 200);
        model = optionalText("model", model, 200);
        provider = optionalText("provider", provider, 100);
        if (tier < 0 || tier > 3) {
            throw invalid("tier", "tier must be 0..3, was " + tier);
        }
        notNegative("prompt_tokens", promptTokens);
        notNegative("completion_tokens", completionTokens);
        notNegative("cached_prompt_tokens", cachedPromptTokens);
        notNegative("escalations", escalations);
        costUsd = money("cost_usd", costUsd, 12);
        savedUsd = money("saved_usd", savedUsd, 12);
        topTierCostUsd = money("top_tier_cost_usd", topTierCostUsd, 12);
        escalationCostUsd = money("escalation_cost_usd", escalationCostUsd, 12);
        if (cache == null || !CACHE_RESULTS.contains(cache)) {
            throw invalid("cache", "cache must be one of " + CACHE_RESULTS + ", was '" + cache + "'");
        }
        if (occurredAt == null) {
            throw invalid("timestamp", "timestamp must be set");
        }
        inputPricePerMtok = optionalMoney("input_price_per_mtok", inputPricePerMtok);
        outputPricePerMtok = optionalMoney("output_price_per_mtok", outputPricePerMtok);
        cachedInputPricePerMtok = optionalMoney("cached_input_price_per_mtok", cachedInputPricePerMtok);
        holdId = optionalText("hold_id", holdId, 128);
        streamEntryId = text("stream_entry_id", streamEntryId, 40);
    }

    /** The UTC day the request finished on, which reports group by. */
    public LocalDate day() {
        return occurredAt.atOffset(ZoneOffset.UTC).toLocalDate();
    }

    /** True for a cache hit of either kind. */
    public boolean cacheHit() {
        return cache.startsWith("hit-");
    }

    private static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw invalid(field, field + " must be set");
        }
        if (value.length() > max) {
            throw invalid(field, field + " is longer than " + max + " characters");
        }
        return value;
    }

    private static Optional<String> optionalText(String field, Optional<String> value, int max) {
        Optional<String> present = value == null ? Optional.empty() : value.filter(v -> !v.isBlank());
        present.ifPresent(v -> text(field, v, max));
        return present;
    }

    private static void notNegative(String field, long value) {
        if (value < 0) {
            throw invalid(field, field + " must not be negative, was " + value);
        }
    }

    /** NUMERIC(24, 12): at most 12 decimals and 12 integer digits, so nothing is rounded on the way in. */
    private static BigDecimal money(String field, BigDecimal value, int maxScale) {
        BigDecimal amount = value == null ? BigDecimal.ZERO : value;
        if (amount.signum() < 0) {
            throw invalid(field, field + " must not be negative, was " + amount.toPlainString());
        }
        if (amount.scale() > maxScale && amount.stripTrailingZeros().scale() > maxScale) {
            throw invalid(field, field + " has more than " + maxScale + " decimals: " + amount.toPlainString());
        }
        if (amount.precision() - amount.scale() > 24 - maxScale) {
            throw invalid(field, field + " is too large: " + amount.toPlainString());
        }
        return amount;
    }

    /** NUMERIC(20, 10) price stamps. */
    private static Optional<BigDecimal> optionalMoney(String field, Optional<BigDecimal> value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal price = value.get();
        if (price.signum() < 0 || price.stripTrailingZeros().scale() > 10 || price.precision() - price.scale() > 10) {
            throw invalid(field, field + " must be 0..10^10 with at most 10 decimals, was " + price.toPlainString());
        }
        return value;
    }

    private static BillingException.InvalidInput invalid(String field, String message) {
        return new BillingException.InvalidInput(field, message);
    }
}
