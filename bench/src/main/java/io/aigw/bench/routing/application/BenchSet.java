package io.aigw.bench.routing.application;

import io.aigw.bench.routing.domain.Dataset;
import io.aigw.bench.routing.domain.LabeledPrompt;
import java.util.List;

/**
 * The prompts of one data set ready to send.
 *
 * @param dataset the set
 * @param rows prompts in the files
 * @param contaminatedRemoved prompts left out as contaminated
 * @param sample how {@code prompts} were drawn from the clean ones
 * @param maxTokens the {@code max_tokens} of every request
 * @param prompts what is sent, in file order
 */
public record BenchSet(
        Dataset dataset, int rows, int contaminatedRemoved, String sample, int maxTokens, List<LabeledPrompt> prompts) {

    public BenchSet {
        prompts = List.copyOf(prompts);
        if (prompts.isEmpty()) {
            throw new IllegalArgumentException(dataset + " has no prompts to send");
        }
        if (maxTokens < 1) {
            throw new IllegalArgumentException("max_tokens must be positive, was " + maxTokens);
        }
    }
}
