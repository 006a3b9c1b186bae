package io.aigw.scaler.domain;

import java.time.Instant;
import java.util.List;

/**
 * One decision for one workload, with everything that went into it.
 *
 * @param workload the workload
 * @param at when it was decided
 * @param currentReplicas the count it started from
 * @param desiredReplicas the count it asks for (equal to current when it holds)
 * @param rule the rule that settled it
 * @param proposals what each signal asked for
 * @param floor the predictive floor (0 when there is none)
 * @param recommendation the recommendation before stabilization and rate limits (-1 when it held early)
 * @param message a human-readable summary
 */
public record ReplicaDecision(
        String workload,
        Instant at,
        int currentReplicas,
        int desiredReplicas,
        Rule rule,
        List<MetricProposal> proposals,
        int floor,
        int recommendation,
        String message) {

    public ReplicaDecision {
        proposals = List.copyOf(proposals);
    }

    public boolean changes() {
        return desiredReplicas != currentReplicas;
    }
}
