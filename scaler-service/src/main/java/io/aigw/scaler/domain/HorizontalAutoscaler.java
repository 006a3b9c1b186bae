package io.aigw.scaler.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The Kubernetes HPA algorithm (autoscaling/v2 with {@code behavior}) as one pure function: given a
 * workload's spec, what was observed, what was remembered and the time, it returns the desired
 * replica count, the rule that settled it and the new memory. The steps follow the HPA controller
 * ({@code horizontal.go}): bounds first; then the maximum over the per-metric proposals (no
 * scale-down while any metric is missing, no change when all are); then the predictive floor, which
 * can only raise; then the stabilization windows over the remembered recommendations; then the
 * rate policies over the remembered scale events, and the bounds once more.
 */
public final class HorizontalAutoscaler {

    /** The decision and the history to keep for the next one. */
    public record Result(ReplicaDecision decision, ScalingHistory history) {}

    private HorizontalAutoscaler() {}

    /**
     * @param floor the predictive floor; 0 for none
     */
    public static Result decide(
            WorkloadSpec spec, Observation observation, ScalingHistory history, Instant now, int floor) {
        ScalingBehavior behavior = spec.behavior();
        int current = observation.currentReplicas();
        String name = spec.name();
        if (current > behavior.maxReplicas()) {
            return hold(
                    name, now, current, behavior.maxReplicas(), Rule.ABOVE_MAX, List.of(), floor, history, "above max");
        }
        if (current < behavior.minReplicas()) {
            return hold(
                    name, now, current, behavior.minReplicas(), Rule.BELOW_MIN, List.of(), floor, history, "below min");
        }
        List<MetricProposal> proposals = new ArrayList<>();
        int invalid = 0;
        int fromMetrics = 0;
        for (MetricTarget target : spec.targets()) {
            MetricProposal proposal = ReplicaCalculator.propose(
                    target, observation.reading(target.signal()), current, observation.pods(), behavior.tolerance());
            proposals.add(proposal);
            if (proposal.valid()) {
                fromMetrics = Math.max(fromMetrics, proposal.replicas());
            } else {
                invalid++;
            }
        }
        if (invalid == proposals.size()) {
            return hold(name, now, current, current, Rule.NO_DATA, proposals, floor, history, "no signal had data");
        }
        if (invalid > 0 && fromMetrics < current) {
            return hold(
                    name,
                    now,
                    current,
                    current,
                    Rule.MISSING_METRIC,
                    proposals,
                    floor,
                    history,
                    "a signal had no data and the rest ask for " + fromMetrics + ": no scale-down");
        }
        boolean floorRaised = floor > fromMetrics;
        int recommendation = Math.max(fromMetrics, floor);

        ScalingRules up = behavior.scaleUp();
        ScalingRules down = behavior.scaleDown();
        int upBound = recommendation;
        int downBound = recommendation;
        Instant upCutoff = now.minus(up.stabilizationWindow());
        Instant downCutoff = now.minus(down.stabilizationWindow());
        for (ScalingHistory.TimedRecommendation r : history.recommendations()) {
            if (r.at().isAfter(upCutoff)) {
                upBound = Math.min(upBound, r.replicas());
            }
            if (r.at().isAfter(downCutoff)) {
                downBound = Math.max(downBound, r.replicas());
            }
        }
        int stabilized = current;
        if (stabilized < upBound) {
            stabilized = upBound;
        }
        if (stabilized > downBound) {
            stabilized = downBound;
        }
        Duration keep = max(up.stabilizationWindow(), down.stabilizationWindow());
        ScalingHistory next = history.withRecommendation(now, recommendation, keep);

        int desired = stabilized;
        Rule rule;
        if (stabilized > current) {
            int limit = Math.max(current, scaleUpLimit(current, history, up, now));
            int maxAllowed = Math.min(behavior.maxReplicas(), limit);
            if (desired > maxAllowed) {
                rule = behavior.maxReplicas() > limit ? Rule.SCALE_UP_LIMITED : Rule.AT_MAX;
                desired = maxAllowed;
            } else {
                rule = floorRaised ? Rule.PREDICTIVE_FLOOR : Rule.SCALE_UP;
            }
        } else if (stabilized < current) {
            int limit = Math.min(current, scaleDownLimit(current, history, down, now));
            int minAllowed = Math.max(behavior.minReplicas(), limit);
            if (desired < minAllowed) {
                rule = behavior.minReplicas() < limit ? Rule.SCALE_DOWN_LIMITED : Rule.AT_MIN;
                desired = minAllowed;
            } else {
                rule = Rule.SCALE_DOWN;
            }
        } else {
            rule = recommendation == current ? Rule.WITHIN_TOLERANCE : Rule.STABILIZED;
        }
        String message = "signals ask for " + fromMetrics + (floor > 0 ? ", floor " + floor : "") + ", stabilized "
                + stabilized + ", " + current + " -> " + desired;
        return new Result(
                new ReplicaDecision(name, now, current, desired, rule, proposals, floor, recommendation, message),
                next);
    }

    static int scaleUpLimit(int current, ScalingHistory history, ScalingRules rules, Instant now) {
        if (rules.select() == ScalingRules.Select.DISABLED) {
            return current;
        }
        boolean min = rules.select() == ScalingRules.Select.MIN;
        int result = min ? Integer.MAX_VALUE : Integer.MIN_VALUE;
        for (ScalingPolicy policy : rules.policies()) {
            int periodStart = current
                    - history.changedWithin(now, policy.period(), true)
                    + history.changedWithin(now, policy.period(), false);
            int proposed = policy.type() == ScalingPolicy.Type.PODS
                    ? periodStart + policy.value()
                    : (int) Math.ceil(periodStart * (1 + policy.value() / 100.0));
            result = min ? Math.min(result, proposed) : Math.max(result, proposed);
        }
        return result;
    }

    static int scaleDownLimit(int current, ScalingHistory history, ScalingRules rules, Instant now) {
        if (rules.select() == ScalingRules.Select.DISABLED) {
            return current;
        }
        boolean min = rules.select() == ScalingRules.Select.MIN;
        int result = min ? Integer.MIN_VALUE : Integer.MAX_VALUE;
        for (ScalingPolicy policy : rules.policies()) {
            int periodStart = current
                    - history.changedWithin(now, policy.period(), true)
                    + history.changedWithin(now, policy.period(), false);
            int proposed = policy.type() == ScalingPolicy.Type.PODS
                    ? periodStart - policy.value()
                    : (int) (periodStart * (1 - policy.value() / 100.0));
            result = min ? Math.max(result, proposed) : Math.min(result, proposed);
        }
        return result;
    }

    private static Result hold(
            String name,
            Instant now,
            int current,
            int desired,
            Rule rule,
            List<MetricProposal> proposals,
            int floor,
            ScalingHistory history,
            String message) {
        return new Result(
                new ReplicaDecision(name, now, current, desired, rule, proposals, floor, -1, message), history);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
