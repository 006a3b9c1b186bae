package io.aigw.scaler.domain.policy;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the policy rules remember: the spend of the month so far (integrated from the rate), the
 * brown-out and its counters, and per provider whether it is degraded and its counters.
 */
public record PolicyState(
        Instant monthStart,
        double spentUsd,
        Instant lastAt,
        boolean brownout,
        int overBudgetStreak,
        int underBudgetStreak,
        Map<String, ProviderState> providers) {

    /** A provider's degraded flag and its consecutive bad/good intervals. */
    public record ProviderState(boolean degraded, int badStreak, int goodStreak) {
        static final ProviderState HEALTHY = new ProviderState(false, 0, 0);
    }

    public PolicyState {
        providers = Map.copyOf(providers);
    }

    public static PolicyState initial() {
        return new PolicyState(null, 0, null, false, 0, 0, Map.of());
    }

    /** Degraded providers, sorted. */
    public java.util.List<String> degradedProviders() {
        return new TreeMap<>(providers)
                .entrySet().stream()
                        .filter(e -> e.getValue().degraded())
                        .map(Map.Entry::getKey)
                        .toList();
    }
}
