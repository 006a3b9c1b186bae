package io.aigw.routing.domain.learned;

import io.aigw.routing.domain.PlannedDeployment;
import io.aigw.routing.domain.RoutePlan;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code learned} strategy: with enough feedback on every tier of the plan, the cheapest tier whose
 * predicted probability of a good answer clears the threshold goes first; with too little, the plan
 * becomes a cascade. Pure: the same plan, predictions and settings give the same answer.
 */
public final class LearnedTierChoice {

    /** The strategy name groups configure. */
    public static final String STRATEGY = "learned";

    /** What a plan falls back to while feedback is too thin to predict from. */
    public static final String FALLBACK = "cascade";

    private final int minFeedbackPerTier;

    /** @param minFeedbackPerTier the examples each tier of the plan needs before predictions are used */
    public LearnedTierChoice(int minFeedbackPerTier) {
        if (minFeedbackPerTier < 1) {
            throw new IllegalArgumentException("minimum feedback must be positive, was " + minFeedbackPerTier);
        }
        this.minFeedbackPerTier = minFeedbackPerTier;
    }

    /** True when every tier of the plan has enough feedback; {@code counts} is examples by tier. */
    public boolean enoughFeedback(RoutePlan plan, Map<Integer, Integer> counts) {
        return tiers(plan).stream().allMatch(t -> counts.getOrDefault(t, 0) >= minFeedbackPerTier);
    }

    /** The plan as a cascade over the same candidates: what a learned group does without feedback. */
    public RoutePlan fallback(RoutePlan plan) {
        return new RoutePlan(FALLBACK, plan.candidates(), plan.rejected());
    }

    /**
     * The plan reordered: the candidates of the chosen tier first (cheapest first, as planned), then
     * the rest in plan order, so a failed call still falls back. The chosen tier is the cheapest one
     * (in plan order) whose prediction is at least {@code threshold}; when none is, the highest tier.
     */
    public RoutePlan choose(RoutePlan plan, Map<Integer, Double> predictions, double threshold) {
        if (plan.isEmpty()) {
            return plan;
        }
        int chosen = chosenTier(plan, predictions, threshold);
        List<PlannedDeployment> first = new ArrayList<>();
        List<PlannedDeployment> rest = new ArrayList<>();
        for (PlannedDeployment candidate : plan.candidates()) {
            (candidate.deployment().model().tier() == chosen ? first : rest).add(candidate);
        }
        first.addAll(rest);
        return new RoutePlan(STRATEGY, first, plan.rejected(), predictions);
    }

    private static int chosenTier(RoutePlan plan, Map<Integer, Double> predictions, double threshold) {
        for (PlannedDeployment candidate : plan.candidates()) {
            int tier = candidate.deployment().model().tier();
            if (Optional.ofNullable(predictions.get(tier)).orElse(0.0) >= threshold) {
                return tier;
            }
        }
        return tiers(plan).stream().mapToInt(Integer::intValue).max().orElseThrow();
    }

    private static Collection<Integer> tiers(RoutePlan plan) {
        return plan.candidates().stream()
                .map(c -> c.deployment().model().tier())
                .distinct()
                .toList();
    }
}
