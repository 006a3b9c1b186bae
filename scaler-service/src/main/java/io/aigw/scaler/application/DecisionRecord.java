package io.aigw.scaler.application;

import java.time.Instant;

/**
 * One line of the decision log.
 *
 * @param at when
 * @param workload the workload, or {@code policy} for a tier-policy decision
 * @param rule the rule that fired
 * @param currentReplicas before (0 for policy)
 * @param desiredReplicas after (0 for policy)
 * @param applied whether anything was changed (false in dry-run, when not leading, or on error)
 * @param inputs the inputs, as compact text (signals and their proposals, or the policy)
 * @param message what happened
 */
public record DecisionRecord(
        Instant at,
        String workload,
        String rule,
        int currentReplicas,
        int desiredReplicas,
        boolean applied,
        String inputs,
        String message) {}
