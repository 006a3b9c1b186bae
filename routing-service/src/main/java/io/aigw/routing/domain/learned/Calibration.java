package io.aigw.routing.domain.learned;

/**
 * A threshold calibrated for a target, and what it is expected to do on traffic like the feedback it
 * was calibrated on.
 *
 * @param threshold the threshold to route with (its meaning follows {@link LearnedTierChoice.Rule})
 * @param expectedTopTierShare the share of the calibration prompts that would start on the top tier
 * @param expectedQuality the mean predicted probability of a good answer of the tiers they would start on
 * @param targetMet false when a quality target is out of reach (the threshold is then the best one)
 * @param prompts the distinct prompts calibrated on
 */
public record Calibration(
        double threshold, double expectedTopTierShare, double expectedQuality, boolean targetMet, int prompts) {}
