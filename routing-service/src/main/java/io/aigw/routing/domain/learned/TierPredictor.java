package io.aigw.routing.domain.learned;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * The probability that each tier answers a prompt well, from the feedback on the prompts nearest to
 * it: for tier {@code t}, the mean score of the {@code k} examples of {@code t} most similar to the
 * prompt (cosine), pulled towards the tier's overall mean score by {@code priorWeight} pseudo-examples:
 *
 * <pre>p(t) = (sum of the k nearest scores + priorWeight * mean(t)) / (k' + priorWeight)</pre>
 *
 * where {@code k'} is the number of neighbours found (fewer than {@code k} when the tier has fewer
 * examples). The prior keeps a handful of neighbours from swinging a prediction to 0 or 1.
 *
 * <p>With a {@code lengthWeight} above 0, the tiers below the highest one are then lowered for prompts
 * longer than the feedback's typical prompt, and raised for shorter ones: by {@code lengthWeight} per
 * standard deviation of the log of the prompt length (over the feedback's prompts), in full for the
 * lowest tier and in proportion for the ones between, clamped to 0..1. A sentence embedding says what a
 * prompt is about, not how many steps it takes; on the RouteLLM GSM8K labels the length adds what the
 * neighbours miss (docs/benchmarks/routing.md). Brute force: a few thousand 384-dimension examples cost
 * well under a millisecond.
 */
public final class TierPredictor {

    private final int k;
    private final double priorWeight;
    private final double lengthWeight;

    /** Without the length term. */
    public TierPredictor(int k, double priorWeight) {
        this(k, priorWeight, 0);
    }

    /**
     * @param k neighbours per tier
     * @param priorWeight how many pseudo-examples at the tier's mean score are added to the neighbours
     * @param lengthWeight how much one standard deviation of log prompt length moves the lowest tier's
     *     prediction (0: the length is ignored)
     */
    public TierPredictor(int k, double priorWeight, double lengthWeight) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be positive, was " + k);
        }
        if (!(priorWeight >= 0)) {
            throw new IllegalArgumentException("prior weight must not be negative, was " + priorWeight);
        }
        if (!(lengthWeight >= 0)) {
            throw new IllegalArgumentException("length weight must not be negative, was " + lengthWeight);
        }
        this.k = k;
        this.priorWeight = priorWeight;
        this.lengthWeight = lengthWeight;
    }

    /** The predicted probability per tier that has examples, by tier; empty without examples. */
    public Map<Integer, Double> predict(float[] prompt, Collection<LabeledExample> examples) {
        return predict(prompt, 0, examples, Double.POSITIVE_INFINITY);
    }

    /** As {@link #predict(float[], Collection)} for a prompt of {@code promptChars} characters (0: unknown). */
    public Map<Integer, Double> predict(float[] prompt, int promptChars, Collection<LabeledExample> examples) {
        return predict(prompt, promptChars, examples, Double.POSITIVE_INFINITY);
    }

    /**
     * As {@link #predict(float[], Collection)}, leaving out the examples at least {@code ignoreFrom}
     * similar to the prompt: with a value just under 1, the prompt's own feedback (and exact repeats of
     * it), so that a prompt of the feedback can be predicted as if it were new (leave one out).
     */
    public Map<Integer, Double> predict(
            float[] prompt, int promptChars, Collection<LabeledExample> examples, double ignoreFrom) {
        Map<Integer, Neighbours> byTier = new HashMap<>();
        for (LabeledExample example : examples) {
            if (example.embedding().length != prompt.length) {
                throw new IllegalArgumentException("embedding has " + example.embedding().length
                        + " dimensions, the prompt's has " + prompt.length);
            }
            double similarity = dot(prompt, example.embedding());
            if (similarity >= ignoreFrom) {
                continue;
            }
            byTier.computeIfAbsent(example.tier(), t -> new Neighbours(k)).offer(similarity, example.score());
        }
        TreeMap<Integer, Double> predictions = new TreeMap<>();
        byTier.forEach((tier, neighbours) -> predictions.put(tier, neighbours.probability(priorWeight)));
        if (lengthWeight > 0 && promptChars > 0 && predictions.size() > 1) {
            shiftForLength(predictions, promptChars, examples, ignoreFrom, prompt);
        }
        return predictions;
    }

    private void shiftForLength(
            TreeMap<Integer, Double> predictions,
            int promptChars,
            Collection<LabeledExample> examples,
            double ignoreFrom,
            float[] prompt) {
        double sum = 0;
        double squares = 0;
        int n = 0;
        for (LabeledExample example : examples) {
            if (example.promptChars() > 0
                    && (ignoreFrom == Double.POSITIVE_INFINITY || dot(prompt, example.embedding()) < ignoreFrom)) {
                double log = Math.log(example.promptChars());
                sum += log;
                squares += log * log;
                n++;
            }
        }
        if (n < 2) {
            return;
        }
        double mean = sum / n;
        double deviation = Math.sqrt(Math.max(0, squares / n - mean * mean));
        if (deviation == 0) {
            return;
        }
        double z = (Math.log(promptChars) - mean) / deviation;
        int lowest = predictions.firstKey();
        int highest = predictions.lastKey();
        predictions.replaceAll((tier, p) -> {
            double share = (double) (highest - tier) / (highest - lowest);
            return Math.min(1, Math.max(0, p - lengthWeight * z * share));
        });
    }

    static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /** The k most similar examples of one tier, and the sum and count of all its scores. */
    private static final class Neighbours {
        private final int k;
        // the least similar of the kept neighbours on top, to be pushed out first
        private final PriorityQueue<double[]> nearest = new PriorityQueue<>((a, b) -> Double.compare(a[0], b[0]));
        private double scoreSum;
        private int count;

        Neighbours(int k) {
            this.k = k;
        }

        void offer(double similarity, double score) {
            scoreSum += score;
            count++;
            if (nearest.size() < k) {
                nearest.add(new double[] {similarity, score});
            } else if (similarity > nearest.peek()[0]) {
                nearest.poll();
                nearest.add(new double[] {similarity, score});
            }
        }

        double probability(double priorWeight) {
            double mean = scoreSum / count;
            double near = 0;
            for (double[] neighbour : nearest) {
                near += neighbour[1];
            }
            return (near + priorWeight * mean) / (nearest.size() + priorWeight);
        }
    }
}
