package io.aigw.bench.routing.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The router that knows the labels: the strong model only for a prompt the weak model gets wrong and
 * the strong one right, else the weak model. It is not run through the gateway; its accuracy comes
 * from the same scores as always-weak and always-strong, and its cost is, per prompt, the measured
 * cost of the reply it picks from those two runs.
 */
public final class Oracle {

    private Oracle() {}

    /** {@code weak.get(i)} and {@code strong.get(i)} are the always-weak and always-strong replies to prompt i. */
    public static StrategyResult of(List<LabeledPrompt> prompts, List<Reply> weak, List<Reply> strong, Scorer scorer) {
        if (prompts.size() != weak.size() || prompts.size() != strong.size()) {
            throw new IllegalArgumentException(
                    prompts.size() + " prompts, " + weak.size() + " weak and " + strong.size() + " strong replies");
        }
        int correct = 0;
        int strongAnswers = 0;
        int errors = 0;
        BigDecimal cost = BigDecimal.ZERO;
        for (int i = 0; i < prompts.size(); i++) {
            boolean weakRight = scorer.correct(prompts.get(i), weak.get(i));
            boolean strongRight = scorer.correct(prompts.get(i), strong.get(i));
            boolean useStrong = !weakRight && strongRight;
            Reply chosen = useStrong ? strong.get(i) : weak.get(i);
            correct += weakRight || strongRight ? 1 : 0;
            strongAnswers += useStrong ? 1 : 0;
            errors += chosen.ok() ? 0 : 1;
            cost = cost.add(chosen.costUsd());
        }
        return new StrategyResult(
                Strategy.ORACLE, prompts.size(), correct, strongAnswers, cost, errors, 0, 0, Map.of(), 0, 0);
    }
}
