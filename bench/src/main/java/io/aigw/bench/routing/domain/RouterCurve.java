package io.aigw.bench.routing.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The quality-against-cost curve of a router that sends a prompt to the strong model when its score
 * (the predicted probability that the weak model answers well) is below a threshold, swept over every
 * threshold. A point per distinct score: the prompts with a lower score go strong. Quality is the
 * performance gap recovered, PGR = (accuracy - weak accuracy) / (strong accuracy - weak accuracy); cost
 * is the share of calls to the strong model, as in RouteLLM. APGR is the area under PGR over the strong
 * share from 0 to 1 (trapezoids); a random router's is 0.5 and its CPT(x) is x.
 */
public final class RouterCurve {

    /**
     * One test prompt with what each model's answer scored and cost in this run.
     *
     * @param score the router's score: high means the weak model is expected to do well
     */
    public record Outcome(double score, boolean weakRight, boolean strongRight, double weakCost, double strongCost) {}

    /**
     * One threshold's result.
     *
     * @param strongShare share of prompts sent to the strong model
     * @param costPer1k mean cost of the chosen replies, times 1,000
     */
    public record Point(double threshold, double strongShare, double accuracy, double pgr, double costPer1k) {}

    private final List<Point> points;
    private final double weakAccuracy;
    private final double strongAccuracy;

    private RouterCurve(List<Point> points, double weakAccuracy, double strongAccuracy) {
        this.points = List.copyOf(points);
        this.weakAccuracy = weakAccuracy;
        this.strongAccuracy = strongAccuracy;
    }

    public static RouterCurve of(List<Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            throw new IllegalArgumentException("no outcomes");
        }
        List<Outcome> sorted = new ArrayList<>(outcomes);
        sorted.sort(Comparator.comparingDouble(Outcome::score));
        int n = sorted.size();
        int rightIfWeak = 0;
        int rightIfStrong = 0;
        double costIfWeak = 0;
        for (Outcome o : sorted) {
            rightIfWeak += o.weakRight() ? 1 : 0;
            rightIfStrong += o.strongRight() ? 1 : 0;
            costIfWeak += o.weakCost();
        }
        double weak = (double) rightIfWeak / n;
        double strong = (double) rightIfStrong / n;
        List<Point> points = new ArrayList<>();
        // everything weak: a threshold at or below the lowest score
        int right = rightIfWeak;
        double cost = costIfWeak;
        points.add(point(sorted.get(0).score(), 0, n, right, cost, weak, strong));
        int i = 0;
        while (i < n) {
            double score = sorted.get(i).score();
            while (i < n && sorted.get(i).score() == score) {
                Outcome o = sorted.get(i);
                right += (o.strongRight() ? 1 : 0) - (o.weakRight() ? 1 : 0);
                cost += o.strongCost() - o.weakCost();
                i++;
            }
            double threshold = i < n ? sorted.get(i).score() : Math.nextUp(score);
            points.add(point(threshold, i, n, right, cost, weak, strong));
        }
        return new RouterCurve(points, weak, strong);
    }

    private static Point point(
            double threshold, int toStrong, int n, int right, double cost, double weak, double strong) {
        double accuracy = (double) right / n;
        double pgr = strong == weak ? 0 : (accuracy - weak) / (strong - weak);
        return new Point(threshold, (double) toStrong / n, accuracy, pgr, cost / n * 1000);
    }

    /** From all-weak to all-strong, by rising strong share. */
    public List<Point> points() {
        return points;
    }

    public double weakAccuracy() {
        return weakAccuracy;
    }

    public double strongAccuracy() {
        return strongAccuracy;
    }

    /** The area under PGR over the strong share (0..1). */
    public double apgr() {
        double area = 0;
        for (int i = 1; i < points.size(); i++) {
            Point a = points.get(i - 1);
            Point b = points.get(i);
            area += (b.strongShare() - a.strongShare()) * (a.pgr() + b.pgr()) / 2;
        }
        return area;
    }

    /** The cheapest point that recovers at least {@code gap} of the quality gap (CPT). */
    public Optional<Point> cheapestReaching(double gap) {
        return points.stream().filter(p -> p.pgr() >= gap - 1e-12).findFirst();
    }

    /** The point a threshold gives: prompts scoring below it go strong. */
    public Point at(double threshold) {
        return points.stream()
                .filter(p -> p.threshold() >= threshold)
                .findFirst()
                .orElse(points.get(points.size() - 1));
    }
}
