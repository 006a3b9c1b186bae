package io.aigw.scaler.domain.policy;

import java.time.Instant;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * What the policy rules see in one interval.
 *
 * @param at when
 * @param spendRateUsdPerSecond the rate of {@code aigw_cost_usd_total}; empty when unknown
 * @param providers per provider its health in the interval (providers without traffic are absent)
 */
public record PolicyInputs(Instant at, OptionalDouble spendRateUsdPerSecond, Map<String, ProviderHealth> providers) {

    /**
     * @param errorRate share of upstream calls that failed, in [0, 1]; NaN when unknown
     * @param timeToFirstTokenSeconds mean time to first token of streamed calls; NaN when unknown
     */
    public record ProviderHealth(double errorRate, double timeToFirstTokenSeconds) {}

    public PolicyInputs {
        providers = Map.copyOf(providers);
    }
}
