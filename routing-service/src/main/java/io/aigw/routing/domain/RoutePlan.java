package io.aigw.routing.domain;

import java.util.List;
import java.util.Map;

/**
 * The qualifying deployments in the order to try them, and why the others were left out.
 *
 * @param strategy how the group escalates: {@code cheapest} falls back on failure only, {@code
 *     cascade} also escalates an answer that fails a quality gate, {@code learned} put the tier
 *     predicted to answer well first
 * @param tierScores a {@code learned} plan's predicted probability of a good answer, by tier; empty
 *     otherwise
 * @param threshold the threshold a {@code learned} plan's rule applied to them; null otherwise
 */
public record RoutePlan(
        String strategy,
        List<PlannedDeployment> candidates,
        List<Rejection> rejected,
        Map<Integer, Double> tierScores,
        Double threshold) {

    public RoutePlan {
        candidates = List.copyOf(candidates);
        rejected = List.copyOf(rejected);
        tierScores = Map.copyOf(tierScores);
    }

    public RoutePlan(String strategy, List<PlannedDeployment> candidates, List<Rejection> rejected) {
        this(strategy, candidates, rejected, Map.of(), null);
    }

    public boolean isEmpty() {
        return candidates.isEmpty();
    }

    public boolean isCascade() {
        return "cascade".equals(strategy);
    }
}
