package io.aigw.api.usage;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One finished request, as routing publishes it to the Redis Stream {@value #STREAM} and billing
 * writes it to the ledger (DESIGN.md, "Internal contracts"; ADR 0021).
 *
 * <p>Wire form: a stream entry with one field {@value #FIELD} whose value is this record as JSON with
 * snake_case names. Money is an exact decimal written as a JSON <em>string</em> (e.g. {@code
 * "0.000123"}), never a binary floating-point number. Unknown fields are ignored, so a producer may
 * add fields before every consumer knows them.
 *
 * @param requestId the gateway's {@code x-aigw-request-id}; the idempotency key of the ledger (a
 *     redelivered or republished event with the same id is counted once)
 * @param tenantId the tenant the gateway resolved ({@code x-aigw-tenant})
 * @param keyId the gateway key's id ({@code x-aigw-key-id}), never the key
 * @param requestedModel what the client asked for: a model or a group name ({@code auto})
 * @param model the catalog model that answered ({@code x-aigw-model}); for a cache hit the model of
 *     the cached answer; null when nothing answered
 * @param provider the provider id that answered ({@code x-aigw-provider}); null when none did
 * @param tier the tier of the model that answered, 1..3; 0 when none did
 * @param promptTokens input tokens billed by the provider (0 on a cache hit)
 * @param completionTokens output tokens billed by the provider (0 on a cache hit)
 * @param cachedPromptTokens the part of {@code promptTokens} the provider billed at its cached-input
 *     price, where the provider reports it; else 0
 * @param costUsd what this request cost, exactly the {@code x-aigw-cost-usd} the client received
 *     (includes escalated cascade attempts; 0 on a cache hit)
 * @param savedUsd what a cache hit saved ({@code x-aigw-saved-usd}); 0 otherwise
 * @param topTierCostUsd what the same tokens would have cost at the top-tier reference model (the
 *     "same traffic at the top tier" figure of the savings report)
 * @param escalations cascade escalations (answers that failed the quality gate and were retried a
 *     tier up); 0 outside cascades
 * @param escalationCostUsd the part of {@code costUsd} spent on escalated (discarded) attempts
 * @param cache {@code hit-exact}, {@code hit-semantic}, {@code miss} or {@code bypass} ({@code
 *     x-aigw-cache})
 * @param attempts deployments tried ({@code x-aigw-attempts})
 * @param status the HTTP status the client received
 * @param latencyMs wall time from routing receiving the request to the last byte, in milliseconds
 * @param timestamp when the request finished (UTC)
 * @param inputPricePerMtok price stamp: USD per million input tokens that applied to this request
 * @param outputPricePerMtok price stamp: USD per million output tokens that applied
 * @param cachedInputPricePerMtok price stamp: USD per million cached input tokens that applied; null
 *     when the provider has no cached-input price
 * @param holdId the budget hold this request settled (ADR 0022), for tracing; may be null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UsageEvent(
        @JsonProperty("request_id") String requestId,
        @JsonProperty("tenant_id") String tenantId,
        @JsonProperty("key_id") String keyId,
        @JsonProperty("requested_model") String requestedModel,
        @JsonProperty("model") String model,
        @JsonProperty("provider") String provider,
        @JsonProperty("tier") int tier,
        @JsonProperty("prompt_tokens") long promptTokens,
        @JsonProperty("completion_tokens") long completionTokens,
        @JsonProperty("cached_prompt_tokens") long cachedPromptTokens,
        @JsonProperty("cost_usd") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal costUsd,
        @JsonProperty("saved_usd") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal savedUsd,
        @JsonProperty("top_tier_cost_usd") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal topTierCostUsd,
        @JsonProperty("escalations") int escalations,
        @JsonProperty("escalation_cost_usd") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal escalationCostUsd,
        @JsonProperty("cache") String cache,
        @JsonProperty("attempts") int attempts,
        @JsonProperty("status") int status,
        @JsonProperty("latency_ms") long latencyMs,
        @JsonProperty("timestamp") Instant timestamp,
        @JsonProperty("input_price_per_mtok") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal inputPricePerMtok,
        @JsonProperty("output_price_per_mtok") @JsonFormat(shape = JsonFormat.Shape.STRING)
                BigDecimal outputPricePerMtok,
        @JsonProperty("cached_input_price_per_mtok") @JsonFormat(shape = JsonFormat.Shape.STRING)
                BigDecimal cachedInputPricePerMtok,
        @JsonProperty("hold_id") String holdId) {

    /** The Redis Stream usage events go to. */
    public static final String STREAM = "aigw:usage";

    /** The one field of a stream entry; its value is the event as JSON. */
    public static final String FIELD = "event";

    /** The consumer group billing reads the stream with. */
    public static final String BILLING_GROUP = "billing";
}
