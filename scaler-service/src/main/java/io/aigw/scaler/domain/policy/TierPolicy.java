package io.aigw.scaler.domain.policy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The routing-policy rules as one pure step: brown-out (cap the highest tier while the month's spend
 * projects over the budget) and degraded providers (error share or time to first token above its
 * threshold), each with hysteresis: it fires after N bad intervals in a row and is lifted after M good
 * ones. Missing data changes no counter: the rules never act on no data.
 */
public final class TierPolicy {

    /** The policy content routing needs (without a version), and the state to keep. */
    public record Step(PolicyState state, View view, boolean changed) {}

    /**
     * @param maxTier the global cap, null when none
     * @param maxTierByPlan per-plan caps
     * @param degradedProviders sorted
     * @param reason what fired, for the log
     */
    public record View(
            Integer maxTier, Map<String, Integer> maxTierByPlan, List<String> degradedProviders, String reason) {
        public View {
            maxTierByPlan = Map.copyOf(maxTierByPlan);
            degradedProviders = List.copyOf(degradedProviders);
        }

        boolean sameRules(View other) {
            return Objects.equals(maxTier, other.maxTier)
                    && maxTierByPlan.equals(other.maxTierByPlan)
                    && degradedProviders.equals(other.degradedProviders);
        }
    }

    private final PolicySettings settings;

    public TierPolicy(PolicySettings settings) {
        this.settings = settings;
    }

    public Step next(PolicyState state, PolicyInputs inputs) {
        View before = view(state, "");
        Instant now = inputs.at();
        Instant monthStart = monthStart(now);
        double spent = Objects.equals(monthStart, state.monthStart()) ? state.spentUsd() : 0;
        if (state.lastAt() != null && inputs.spendRateUsdPerSecond().isPresent() && now.isAfter(state.lastAt())) {
            Instant from = state.lastAt().isBefore(monthStart) ? monthStart : state.lastAt();
            spent += inputs.spendRateUsdPerSecond().getAsDouble()
                    * Duration.between(from, now).toMillis()
                    / 1000.0;
        }
        List<String> reasons = new ArrayList<>();

        boolean brownout = state.brownout();
        int over = state.overBudgetStreak();
        int under = state.underBudgetStreak();
        if (settings.monthlyBudgetUsd() <= 0) {
            brownout = false;
            over = 0;
            under = 0;
        } else if (inputs.spendRateUsdPerSecond().isPresent()) {
            double remaining = Duration.between(
                                    now,
                                    monthStart(now.atZone(ZoneOffset.UTC)
                                            .plusMonths(1)
                                            .toInstant()))
                            .toMillis()
                    / 1000.0;
            double projected = spent + inputs.spendRateUsdPerSecond().getAsDouble() * remaining;
            if (projected > settings.monthlyBudgetUsd()) {
                over++;
                under = 0;
            } else {
                under++;
                over = 0;
            }
            if (!brownout && over >= settings.badIntervals()) {
                brownout = true;
                reasons.add(String.format(
                        java.util.Locale.ROOT,
                        "brown-out: spend projects to %.2f USD over the %.2f USD budget",
                        projected,
                        settings.monthlyBudgetUsd()));
            } else if (brownout && under >= settings.goodIntervals()) {
                brownout = false;
                reasons.add("brown-out lifted: spend projects within budget");
            }
        }

        Map<String, PolicyState.ProviderState> providers = new HashMap<>(state.providers());
        for (Map.Entry<String, PolicyInputs.ProviderHealth> entry : new TreeMap<>(inputs.providers()).entrySet()) {
            PolicyInputs.ProviderHealth health = entry.getValue();
            boolean knownError = Double.isFinite(health.errorRate());
            boolean knownTtft = Double.isFinite(health.timeToFirstTokenSeconds());
            if (!knownError && !knownTtft) {
                continue;
            }
            boolean bad = (knownError && health.errorRate() > settings.maxErrorRate())
                    || (knownTtft
                            && health.timeToFirstTokenSeconds()
                                    > settings.maxTimeToFirstToken().toMillis() / 1000.0);
            PolicyState.ProviderState p = providers.getOrDefault(entry.getKey(), PolicyState.ProviderState.HEALTHY);
            int badStreak = bad ? p.badStreak() + 1 : 0;
            int goodStreak = bad ? 0 : p.goodStreak() + 1;
            boolean degraded = p.degraded();
            if (!degraded && badStreak >= settings.badIntervals()) {
                degraded = true;
                reasons.add("degraded " + entry.getKey());
            } else if (degraded && goodStreak >= settings.goodIntervals()) {
                degraded = false;
                reasons.add("restored " + entry.getKey());
            }
            providers.put(entry.getKey(), new PolicyState.ProviderState(degraded, badStreak, goodStreak));
        }
        PolicyState next = new PolicyState(monthStart, spent, now, brownout, over, under, providers);
        View after = view(next, String.join("; ", reasons));
        return new Step(next, after, !after.sameRules(before));
    }

    private View view(PolicyState state, String reason) {
        Integer maxTier = null;
        Map<String, Integer> byPlan = new TreeMap<>();
        if (state.brownout()) {
            if (settings.brownoutPlans().isEmpty()) {
                maxTier = settings.brownoutMaxTier();
            } else {
                settings.brownoutPlans().forEach(plan -> byPlan.put(plan, settings.brownoutMaxTier()));
            }
        }
        return new View(maxTier, byPlan, state.degradedProviders(), reason);
    }

    static Instant monthStart(Instant at) {
        ZonedDateTime utc = at.atZone(ZoneOffset.UTC);
        return utc.withDayOfMonth(1).toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
