package io.aigw.scaler.domain.policy;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * The tier-policy rules and their hysteresis.
 *
 * @param monthlyBudgetUsd the spend budget of a calendar month (UTC); 0 turns the brown-out off
 * @param brownoutMaxTier the highest tier allowed during a brown-out (1 or 2)
 * @param brownoutPlans the plans the cap applies to; empty = every request (global cap)
 * @param maxErrorRate a provider whose upstream error share stays above this is degraded
 * @param maxTimeToFirstToken a provider whose mean time to first token stays above this is degraded
 * @param badIntervals consecutive bad intervals before a rule fires (N)
 * @param goodIntervals consecutive good intervals before it is lifted (M)
 */
public record PolicySettings(
        double monthlyBudgetUsd,
        int brownoutMaxTier,
        Set<String> brownoutPlans,
        double maxErrorRate,
        Duration maxTimeToFirstToken,
        int badIntervals,
        int goodIntervals) {

    public PolicySettings {
        brownoutPlans = Set.copyOf(brownoutPlans);
        Objects.requireNonNull(maxTimeToFirstToken, "maxTimeToFirstToken");
        if (monthlyBudgetUsd < 0) {
            throw new IllegalArgumentException("monthly budget must not be negative, got " + monthlyBudgetUsd);
        }
        if (brownoutMaxTier < 1 || brownoutMaxTier > 2) {
            throw new IllegalArgumentException("brown-out max tier must be 1 or 2, got " + brownoutMaxTier);
        }
        if (!(maxErrorRate > 0 && maxErrorRate <= 1)) {
            throw new IllegalArgumentException("max error rate must be in (0, 1], got " + maxErrorRate);
        }
        if (badIntervals < 1 || goodIntervals < 1) {
            throw new IllegalArgumentException("bad and good intervals must be at least 1");
        }
    }
}
