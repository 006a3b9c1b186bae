package io.aigw.routing.domain.learned;

/**
 * What an operator asks of a {@code learned} group, from which its threshold is calibrated on the
 * tenant's feedback (see {@link ThresholdCalibration}): either a quality level to reach as cheaply as
 * possible, or a ceiling on the share of requests sent to the group's top tier, spent where it adds the
 * most predicted quality.
 */
public sealed interface LearnedTarget {

    /**
     * At most {@code share} of the requests start on the group's top tier; among the thresholds that keep
     * to it, the one with the best predicted quality.
     */
    record TopTierShare(double share) implements LearnedTarget {
        public TopTierShare {
            requireShare("top-tier share", share);
        }
    }

    /**
     * The mean predicted probability of a good answer is at least {@code score}; among the thresholds
     * that reach it, the one that sends the fewest requests to dearer tiers. When no threshold reaches it,
     * the best one available (and the calibration says the target is not met).
     */
    record Quality(double score) implements LearnedTarget {
        public Quality {
            requireShare("quality", score);
        }
    }

    /** Exactly one of the two; null for neither. */
    static LearnedTarget of(Double topTierShare, Double quality) {
        if (topTierShare != null && quality != null) {
            throw new IllegalArgumentException(
                    "a learned target is either a top-tier share or a quality, not both (was " + topTierShare + " and "
                            + quality + ")");
        }
        if (topTierShare != null) {
            return new TopTierShare(topTierShare);
        }
        return quality == null ? null : new Quality(quality);
    }

    private static void requireShare(String what, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(what + " must be within 0..1, was " + value);
        }
    }
}
