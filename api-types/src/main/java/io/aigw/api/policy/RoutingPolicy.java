package io.aigw.api.policy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The routing policy the scaler publishes and routing applies (DESIGN.md, "Internal contracts"): the
 * JSON value of the Redis key {@value #KEY}, announced on the pub/sub channel {@value #CHANNEL} (the
 * message is the new version number). Routing reads it within a second of the notice (and polls as a
 * fallback), applies only a version higher than the one it has, and keeps the last good policy while
 * Redis is down. Unknown fields are ignored, so the scaler may add fields first.
 *
 * @param version increases with every change; the only thing routing compares
 * @param issuedAt when the scaler decided it (UTC)
 * @param maxTier the highest tier any request may use now (brown-out of the whole gateway); null = 3
 * @param maxTierByPlan a lower cap for tenants on these plans ({@code free}, {@code basic}, …)
 * @param maxTierByTenant a lower cap for these tenants (a tenant projected over its budget)
 * @param degradedProviders providers whose error rate or time to first token stays above threshold:
 *     routing plans them last, after every healthy deployment
 * @param reason the rule that fired, for logs and the decision log; free text
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RoutingPolicy(
        @JsonProperty("version") long version,
        @JsonProperty("issued_at") Instant issuedAt,
        @JsonProperty("max_tier") Integer maxTier,
        @JsonProperty("max_tier_by_plan") Map<String, Integer> maxTierByPlan,
        @JsonProperty("max_tier_by_tenant") Map<String, Integer> maxTierByTenant,
        @JsonProperty("degraded_providers") List<String> degradedProviders,
        @JsonProperty("reason") String reason) {

    /** The Redis key that holds the current policy as JSON. */
    public static final String KEY = "aigw:policy";

    /** The pub/sub channel on which a new version is announced. */
    public static final String CHANNEL = "aigw:policy:changed";

    public RoutingPolicy {
        maxTierByPlan = maxTierByPlan == null ? Map.of() : Map.copyOf(maxTierByPlan);
        maxTierByTenant = maxTierByTenant == null ? Map.of() : Map.copyOf(maxTierByTenant);
        degradedProviders = degradedProviders == null ? List.of() : List.copyOf(degradedProviders);
    }
}
