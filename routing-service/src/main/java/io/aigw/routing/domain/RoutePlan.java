package io.aigw.routing.domain;

import java.util.List;

/**
 * The qualifying deployments in the order to try them, and why the others were left out.
 *
 * @param strategy how the group escalates: {@code cheapest} falls back on failure only, {@code
 *     cascade} also escalates an answer that fails a quality gate
 */
public record RoutePlan(String strategy, List<PlannedDeployment> candidates, List<Rejection> rejected) {

    public RoutePlan {
        candidates = List.copyOf(candidates);
        rejected = List.copyOf(rejected);
    }

    public boolean isEmpty() {
        return candidates.isEmpty();
    }

    public boolean isCascade() {
        return "cascade".equals(strategy);
    }
}
