package io.aigw.routing.domain.learned;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns an operator's {@link LearnedTarget} into a threshold, on a tenant's own feedback. Every distinct
 * prompt of the feedback (the newest {@code maxPrompts}) is predicted as if it were new — its own
 * feedback and exact repeats left out — and, for each candidate threshold, routed by the group's rule.
 * That gives, per threshold, the share of prompts that would start on the top tier and their mean
 * predicted quality; the target picks the threshold. The feedback's prompts stand in for the traffic to
 * come, so the calibration is as good as that likeness (re-run it as feedback changes). Pure and
 * CPU-bound: {@code maxPrompts} times the feedback's size dot products.
 */
public final class ThresholdCalibration {

    /** Similarity from which an example counts as the prompt itself (left out of its prediction). */
    static final double SAME_PROMPT = 0.9999;

    /** At most this many candidate thresholds are tried (evenly spaced by rank among all of them). */
    static final int MAX_CANDIDATES = 512;

    private final TierPredictor predictor;
    private final LearnedTierChoice choice;
    private final int maxPrompts;

    public ThresholdCalibration(TierPredictor predictor, LearnedTierChoice choice, int maxPrompts) {
        if (maxPrompts < 1) {
            throw new IllegalArgumentException("calibration prompts must be positive, was " + maxPrompts);
        }
        this.predictor = Objects.requireNonNull(predictor, "predictor");
        this.choice = Objects.requireNonNull(choice, "choice");
        this.maxPrompts = maxPrompts;
    }

    /**
     * @param tiers the group's tiers, cheapest first
     * @param examples the tenant's feedback, oldest first
     * @return the threshold and what it is expected to do
     */
    public Calibration calibrate(List<Integer> tiers, List<LabeledExample> examples, LearnedTarget target) {
        if (tiers.isEmpty()) {
            throw new IllegalArgumentException("no tiers to calibrate for");
        }
        List<double[]> predictions = predictions(tiers, examples);
        if (predictions.isEmpty()) {
            throw new IllegalArgumentException("no feedback to calibrate on");
        }
        Outcome chosen = null;
        for (double threshold : candidates(predictions)) {
            Outcome outcome = outcome(threshold, predictions);
            if (better(outcome, chosen, target)) {
                chosen = outcome;
            }
        }
        boolean met = !(target instanceof LearnedTarget.Quality q) || chosen.quality >= q.score() - 1e-12;
        return new Calibration(chosen.threshold, chosen.topShare, chosen.quality, met, predictions.size());
    }

    /** The prediction per tier (cheapest first) of each distinct prompt, newest first. */
    private List<double[]> predictions(List<Integer> tiers, List<LabeledExample> examples) {
        List<double[]> predictions = new ArrayList<>();
        Set<Prompt> seen = new HashSet<>();
        for (int i = examples.size() - 1; i >= 0 && predictions.size() < maxPrompts; i--) {
            float[] embedding = examples.get(i).embedding();
            if (!seen.add(new Prompt(embedding))) {
                continue;
            }
            Map<Integer, Double> byTier =
                    predictor.predict(embedding, examples.get(i).promptChars(), examples, SAME_PROMPT);
            double[] p = new double[tiers.size()];
            for (int t = 0; t < p.length; t++) {
                // a tier without other feedback predicts nothing: it never looks good enough
                p[t] = byTier.getOrDefault(tiers.get(t), 0.0);
            }
            predictions.add(p);
        }
        return predictions;
    }

    /** Where the rule's decision can change, from 0 to 1, thinned to {@link #MAX_CANDIDATES}. */
    private List<Double> candidates(List<double[]> predictions) {
        TreeSet<Double> all = new TreeSet<>(List.of(0.0, 1.0));
        for (double[] p : predictions) {
            double best = Arrays.stream(p).max().orElse(0);
            for (double tier : p) {
                double critical = choice.rule() == LearnedTierChoice.Rule.GAP ? best - tier : tier;
                all.add(Math.min(1, Math.max(0, critical)));
            }
        }
        List<Double> sorted = new ArrayList<>(all);
        if (sorted.size() <= MAX_CANDIDATES) {
            return sorted;
        }
        List<Double> thinned = new ArrayList<>(MAX_CANDIDATES);
        for (int i = 0; i < MAX_CANDIDATES; i++) {
            thinned.add(sorted.get((int) ((long) i * (sorted.size() - 1) / (MAX_CANDIDATES - 1))));
        }
        return thinned;
    }

    private Outcome outcome(double threshold, List<double[]> predictions) {
        int top = 0;
        double quality = 0;
        double rank = 0;
        for (double[] p : predictions) {
            int chosen = choice.chosenIndex(p, threshold);
            top += chosen == p.length - 1 ? 1 : 0;
            quality += p[chosen];
            rank += chosen;
        }
        int n = predictions.size();
        return new Outcome(threshold, (double) top / n, quality / n, rank / n);
    }

    /** Whether {@code candidate} serves the target better than {@code best} so far. */
    private static boolean better(Outcome candidate, Outcome best, LearnedTarget target) {
        if (best == null) {
            return true;
        }
        if (target instanceof LearnedTarget.TopTierShare share) {
            boolean fits = candidate.topShare <= share.share() + 1e-12;
            boolean bestFits = best.topShare <= share.share() + 1e-12;
            if (fits != bestFits) {
                return fits;
            }
            // both fit: more quality, then cheaper; neither fits: the smaller top share
            return fits
                    ? candidate.quality > best.quality
                            || (candidate.quality == best.quality && candidate.rank < best.rank)
                    : candidate.topShare < best.topShare;
        }
        double wanted = ((LearnedTarget.Quality) target).score() - 1e-12;
        boolean reaches = candidate.quality >= wanted;
        boolean bestReaches = best.quality >= wanted;
        if (reaches != bestReaches) {
            return reaches;
        }
        // both reach it: cheaper, then more quality; neither: more quality
        return reaches
                ? candidate.rank < best.rank || (candidate.rank == best.rank && candidate.quality > best.quality)
                : candidate.quality > best.quality;
    }

    private record Outcome(double threshold, double topShare, double quality, double rank) {}

    /** An embedding compared by content, to count each prompt once. */
    private record Prompt(float[] embedding) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Prompt p && Arrays.equals(embedding, p.embedding);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(embedding);
        }

        @Override
        public String toString() {
            return "Prompt[" + embedding.length + " dimensions]";
        }
    }
}
