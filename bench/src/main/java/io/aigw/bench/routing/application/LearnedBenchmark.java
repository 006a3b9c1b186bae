package io.aigw.bench.routing.application;

import io.aigw.bench.routing.domain.LabeledPrompt;
import io.aigw.bench.routing.domain.LearnedResult;
import io.aigw.bench.routing.domain.Reply;
import io.aigw.bench.routing.domain.RouterCurve;
import io.aigw.bench.routing.domain.Scorer;
import io.aigw.bench.routing.domain.Strategy;
import io.aigw.bench.routing.domain.TracedReply;
import io.aigw.bench.routing.domain.TrainTestSplit;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The learned group, trained and measured through the gateway: every training prompt is answered by
 * both models and each answer's label goes back as feedback ({@code POST /v1/feedback}, 1 right, 0
 * wrong); then the test prompts go to the learned group, and — for the sweep and the baselines — to
 * each model as well. The labels are read here only, never by routing.
 */
public final class LearnedBenchmark implements AutoCloseable {

    /** The group the command configures: {@code llama-3-8b} and {@code gpt-4o}, strategy learned. */
    public static final String GROUP = "learned";

    private static final int WEAK_TIER = 1;
    private static final int STRONG_TIER = 3;

    private final LearningGateway gateway;
    private final Scorer scorer;
    private final ExecutorService pool;
    private final long deadlineNanos;
    private final PrintStream progress;

    public LearnedBenchmark(
            LearningGateway gateway, Scorer scorer, int concurrency, Duration budget, PrintStream progress) {
        this.gateway = gateway;
        this.scorer = scorer;
        this.pool = Executors.newFixedThreadPool(concurrency, runnable -> {
            Thread thread = new Thread(runnable, "bench-learned");
            thread.setDaemon(true);
            return thread;
        });
        this.deadlineNanos = System.nanoTime() + budget.toNanos();
        this.progress = progress;
    }

    /** How long the warm-up waits for routing's first calibration of the learned group. */
    static final Duration CALIBRATION_WAIT = Duration.ofMinutes(5);

    /**
     * @param target the learned group's target as configured (for the report); the threshold routing
     *     calibrated for it is read from the answers' {@code x-aigw-tier-threshold}
     */
    public LearnedResult run(BenchSet set, TrainTestSplit split, String target) {
        String name = set.dataset().label();
        int maxTokens = set.maxTokens();
        List<LabeledPrompt> train = split.train();
        List<TracedReply> trainWeak = each(name + " train weak", train, p -> ask(Strategy.Models.WEAK, p, maxTokens));
        List<TracedReply> trainStrong =
                each(name + " train strong", train, p -> ask(Strategy.Models.STRONG, p, maxTokens));
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < train.size(); i++) {
            indices.add(i);
        }
        List<Integer> statuses = each(name + " feedback", indices, i -> {
            int weak = feedback(train.get(i), trainWeak.get(i));
            int strong = feedback(train.get(i), trainStrong.get(i));
            return (weak == 200 ? 1 : 0) + (strong == 200 ? 1 : 0);
        });
        int accepted = statuses.stream().mapToInt(Integer::intValue).sum();
        int refused = 2 * train.size() - accepted;

        awaitCalibration(name, train.get(0), maxTokens);
        List<LabeledPrompt> test = split.test();
        List<TracedReply> learned = each(name + " test learned", test, p -> ask(GROUP, p, maxTokens));
        List<TracedReply> weak = each(name + " test weak", test, p -> ask(Strategy.Models.WEAK, p, maxTokens));
        List<TracedReply> strong = each(name + " test strong", test, p -> ask(Strategy.Models.STRONG, p, maxTokens));
        return result(set, split, target, accepted, refused, learned, weak, strong);
    }

    /**
     * Routing calibrates the group's threshold in the background on the first request after the
     * feedback; until it is in, the group acts as a cascade. A training prompt (never a test one) is sent
     * until an answer carries the threshold, so the test measures the calibrated group.
     */
    private void awaitCalibration(String name, LabeledPrompt probe, int maxTokens) {
        long until = System.nanoTime() + CALIBRATION_WAIT.toNanos();
        long started = System.nanoTime();
        while (ask(GROUP, probe, maxTokens).threshold().isEmpty()) {
            if (System.nanoTime() > until) {
                throw new IllegalStateException(
                        "routing did not calibrate the learned group within " + CALIBRATION_WAIT);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the calibration", e);
            }
        }
        progress.printf(
                "bench: %-22s calibrated after %d s%n",
                name + " learned", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
    }

    private LearnedResult result(
            BenchSet set,
            TrainTestSplit split,
            String target,
            int accepted,
            int refused,
            List<TracedReply> learned,
            List<TracedReply> weak,
            List<TracedReply> strong) {
        List<LabeledPrompt> test = split.test();
        int n = test.size();
        int right = 0;
        int toStrong = 0;
        int errors = 0;
        int withoutScores = 0;
        int disagreements = 0;
        double cost = 0;
        int weakRight = 0;
        int strongRight = 0;
        int oracleRight = 0;
        int oracleStrong = 0;
        double weakCost = 0;
        double strongCost = 0;
        double oracleCost = 0;
        List<RouterCurve.Outcome> outcomes = new ArrayList<>();
        Map<Double, Integer> thresholds = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            LabeledPrompt prompt = test.get(i);
            Reply reply = learned.get(i).reply();
            right += scorer.correct(prompt, reply) ? 1 : 0;
            toStrong += scorer.answeredByStrong(reply) ? 1 : 0;
            errors += reply.ok() ? 0 : 1;
            cost += reply.costUsd().doubleValue();
            boolean w = scorer.correct(prompt, weak.get(i).reply());
            boolean s = scorer.correct(prompt, strong.get(i).reply());
            double wc = weak.get(i).reply().costUsd().doubleValue();
            double sc = strong.get(i).reply().costUsd().doubleValue();
            weakRight += w ? 1 : 0;
            strongRight += s ? 1 : 0;
            weakCost += wc;
            strongCost += sc;
            boolean oracleGoesStrong = !w && s;
            oracleRight += w || s ? 1 : 0;
            oracleStrong += oracleGoesStrong ? 1 : 0;
            oracleCost += oracleGoesStrong ? sc : wc;
            // the `gap` rule: strong when it is predicted more than the threshold better than weak, i.e.
            // when p(weak) - p(strong) < -threshold; the sweep runs over that difference
            OptionalDouble weakScore = learned.get(i).tierScore(WEAK_TIER);
            OptionalDouble strongScore = learned.get(i).tierScore(STRONG_TIER);
            if (weakScore.isEmpty() || strongScore.isEmpty()) {
                withoutScores++;
                // no prediction: as if weak were certainly as good, so the sweep sends it strong last
                outcomes.add(new RouterCurve.Outcome(1.0, w, s, wc, sc));
                continue;
            }
            double score = weakScore.getAsDouble() - strongScore.getAsDouble();
            double threshold = learned.get(i).threshold().orElse(Double.NaN);
            thresholds.merge(threshold, 1, Integer::sum);
            boolean ruleSaysStrong = score < -threshold;
            if (reply.ok() && ruleSaysStrong != scorer.answeredByStrong(reply)) {
                disagreements++;
            }
            outcomes.add(new RouterCurve.Outcome(score, w, s, wc, sc));
        }
        return new LearnedResult(
                set.dataset(),
                set.sample(),
                split.train().size(),
                n,
                accepted,
                refused,
                target,
                // the calibration only changes when feedback does, so this is the one threshold of the run
                thresholds.entrySet().stream()
                        .max(Map.Entry.comparingByValue())
                        .map(Map.Entry::getKey)
                        .orElse(Double.NaN),
                new LearnedResult.Summary((double) right / n, cost / n * 1000, (double) toStrong / n),
                errors,
                withoutScores,
                disagreements,
                new LearnedResult.Summary((double) weakRight / n, weakCost / n * 1000, 0),
                new LearnedResult.Summary((double) strongRight / n, strongCost / n * 1000, 1),
                new LearnedResult.Summary((double) oracleRight / n, oracleCost / n * 1000, (double) oracleStrong / n),
                RouterCurve.of(outcomes));
    }

    private TracedReply ask(String model, LabeledPrompt prompt, int maxTokens) {
        return gateway.traced(model, prompt.prompt(), maxTokens);
    }

    private int feedback(LabeledPrompt prompt, TracedReply answer) {
        if (answer.requestId().isEmpty()) {
            return 0;
        }
        return gateway.feedback(answer.requestId(), scorer.correct(prompt, answer.reply()) ? 1 : 0);
    }

    private <T, R> List<R> each(String label, List<T> items, Function<T, R> work) {
        List<Future<R>> futures = new ArrayList<>(items.size());
        for (T item : items) {
            futures.add(pool.submit(() -> work.apply(item)));
        }
        List<R> results = new ArrayList<>(items.size());
        long started = System.nanoTime();
        int step = Math.max(1, items.size() / 5);
        try {
            for (Future<R> future : futures) {
                results.add(future.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS));
                if (results.size() % step == 0 || results.size() == items.size()) {
                    progress.printf(
                            "bench: %-22s %6d / %d  (%d s)%n",
                            label,
                            results.size(),
                            items.size(),
                            TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
                }
            }
        } catch (TimeoutException e) {
            futures.forEach(f -> f.cancel(true));
            throw new IllegalStateException("the benchmark ran past its time budget during " + label);
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(true));
            throw new IllegalStateException("a request of " + label + " failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            futures.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + label, e);
        }
        return results;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
