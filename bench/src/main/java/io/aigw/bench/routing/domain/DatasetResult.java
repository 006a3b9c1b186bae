package io.aigw.bench.routing.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Every strategy's figures on one data set.
 *
 * @param dataset the set
 * @param rows prompts in the files
 * @param contaminatedRemoved prompts left out because RouteLLM lists them as contaminated
 * @param sample how the prompts were sampled from the clean ones ({@code "full set"} when not)
 * @param maxTokens the {@code max_tokens} every request carried
 * @param labels what the labels alone say about the prompts sent
 * @param results one per strategy, in {@link Strategy} order
 */
public record DatasetResult(
        Dataset dataset,
        int rows,
        int contaminatedRemoved,
        String sample,
        int maxTokens,
        LabelStats labels,
        List<StrategyResult> results) {

    public DatasetResult {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(sample, "sample");
        Objects.requireNonNull(labels, "labels");
        results = List.copyOf(results);
    }

    public Optional<StrategyResult> result(Strategy strategy) {
        return results.stream().filter(r -> r.strategy() == strategy).findFirst();
    }

    /** Prompts that were sent (the same for every strategy). */
    public int n() {
        return results.isEmpty() ? 0 : results.get(0).n();
    }
}
