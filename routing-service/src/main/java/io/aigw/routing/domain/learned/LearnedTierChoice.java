package io.aigw.routing.domain.learned;

import io.aigw.routing.domain.PlannedDeployment;
import io.aigw.routing.domain.RoutePlan;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code learned} strategy: with enough feedback on every tier of the plan, the cheapest tier that
 * the predictions say is good enough goes first; with too little, the plan becomes a cascade. Pure: the
 * same plan, predictions and settings give the same answer.
 */
public final class LearnedTierChoice {

    /** What "good enough" means for a tier with predicted probability {@code p} of a good answer. */
    public enum Rule {
        /** {@code p >= threshold}; when no tier clears it, the highest tier. */
        PROBABILITY {
            @Override
            public double bar(double best, double threshold) {
                return threshold;
            }
        },
        /**
         * {@code p >= best - threshold}, where {@code best} is the highest prediction of the plan: the
         * cheapest tier expected to lose at most {@code threshold} of quality against the best one. Ranks
         * prompts by what a dearer tier is expected to add rather than by how easy they look — measured
         * on the RouteLLM labels it recovers the quality gap with far fewer strong calls (see
         * docs/benchmarks/routing.md).
         */
        GAP {
            @Override
            public double bar(double best, double threshold) {
                return best - threshold;
            }
        };

        /** The predicted probability a tier needs to be good enough, given the plan's best prediction. */
        public abstract double bar(double best, double threshold);
    }

    /** The strategy name groups configure. */
    public static final String STRATEGY = "learned";

    /** What a plan falls back to while feedback is too thin to predict from. */
    public static final String FALLBACK = "cascade";

    private final int minFeedbackPerTier;
    private final Rule rule;

    /** With the {@link Rule#PROBABILITY} rule. */
    public LearnedTierChoice(int minFeedbackPerTier) {
        this(minFeedbackPerTier, Rule.PROBABILITY);
    }

    /** @param minFeedbackPerTier the examples each tier of the plan needs before predictions are used */
    public LearnedTierChoice(int minFeedbackPerTier, Rule rule) {
        if (minFeedbackPerTier < 1) {
            throw new IllegalArgumentException("minimum feedback must be positive, was " + minFeedbackPerTier);
        }
        this.minFeedbackPerTier = minFeedbackPerTier;
        this.rule = Objects.requireNonNull(rule, "rule");
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
     * (in plan order) that the rule accepts; when none is, the highest tier.
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
        return new RoutePlan(STRATEGY, first, plan.rejected(), predictions, threshold);
    }

    private int chosenTier(RoutePlan plan, Map<Integer, Double> predictions, double threshold) {
        double best = tiers(plan).stream()
                .mapToDouble(t -> predictions.getOrDefault(t, 0.0))
                .max()
                .orElse(0);
        double bar = rule.bar(best, threshold);
        for (PlannedDeployment candidate : plan.candidates()) {
            int tier = candidate.deployment().model().tier();
            if (Optional.ofNullable(predictions.get(tier)).orElse(0.0) >= bar) {
                return tier;
            }
        }
        return tiers(plan).stream().mapToInt(Integer::intValue).max().orElseThrow();
    }

    /**
     * The index of the tier chosen among {@code predictions}, cheapest tier first: the same rule as a
     * plan's, for calibrating on feedback where there is no plan.
     */
    public int chosenIndex(double[] predictions, double threshold) {
        double best = Double.NEGATIVE_INFINITY;
        for (double p : predictions) {
            best = Math.max(best, p);
        }
        double bar = rule.bar(best, threshold);
        for (int i = 0; i < predictions.length; i++) {
            if (predictions[i] >= bar) {
                return i;
            }
        }
        return predictions.length - 1;
    }

    public Rule rule() {
        return rule;
    }

    private static Collection<Integer> tiers(RoutePlan plan) {
        return plan.candidates().stream()
                .map(c -> c.deployment().model().tier())
                .distinct()
                .toList();
    }
}
