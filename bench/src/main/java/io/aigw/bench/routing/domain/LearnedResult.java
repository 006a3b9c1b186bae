package io.aigw.bench.routing.domain;

import java.util.Optional;

/**
 * The learned group on one data set: trained from feedback on the training prompts, measured on the
 * test prompts.
 *
 * @param set the data set
 * @param sample how the prompts were drawn from the clean ones
 * @param train training prompts (each answered by both models, both answers scored as feedback)
 * @param feedbackAccepted feedback posts answered 200
 * @param feedbackRefused feedback posts answered anything else
 * @param target the group's target as configured ({@code top-tier-share=0.3}, {@code quality=0.8})
 * @param threshold the threshold routing calibrated for it (the most frequent one of the test answers)
 * @param gateway the learned group through the gateway at {@code threshold}: accuracy, cost, strong share
 * @param gatewayErrors test requests of the learned group that were not a 200
 * @param withoutScores learned answers without {@code x-aigw-tier-scores} (the group acted as a cascade)
 * @param disagreements learned answers whose model is not what the offline rule gives for their score
 * @param weak always-weak on the test prompts
 * @param strong always-strong on the test prompts
 * @param oracle the oracle on the test prompts
 * @param curve the threshold sweep over the learned group's scores
 */
public record LearnedResult(
        Dataset set,
        String sample,
        int train,
        int test,
        int feedbackAccepted,
        int feedbackRefused,
        String target,
        double threshold,
        Summary gateway,
        int gatewayErrors,
        int withoutScores,
        int disagreements,
        Summary weak,
        Summary strong,
        Summary oracle,
        RouterCurve curve) {

    /** Accuracy, cost per 1,000 requests (USD) and strong share of one router. */
    public record Summary(double accuracy, double costPer1k, double strongShare) {}

    public Optional<RouterCurve.Point> cpt(double gap) {
        return curve.cheapestReaching(gap);
    }

    /** A random router's expected cost per 1,000 requests at a strong share. */
    public double randomCostPer1k(double strongShare) {
        return weak.costPer1k() + strongShare * (strong.costPer1k() - weak.costPer1k());
    }
}
