package io.aigw.bench.routing.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A fixed-seed split into training and test prompts, per source (MMLU subject) so every subject is in
 * both parts in its proportion: each source's prompts are shuffled with the seed and the first
 * {@code round(share * size)} train. Both parts keep file order.
 *
 * @param train the prompts whose labels are fed back as feedback
 * @param test the prompts replayed through the learned group
 */
public record TrainTestSplit(List<LabeledPrompt> train, List<LabeledPrompt> test) {

    public TrainTestSplit {
        train = List.copyOf(train);
        test = List.copyOf(test);
    }

    public static TrainTestSplit of(List<LabeledPrompt> prompts, double trainShare, long seed) {
        if (!(trainShare > 0 && trainShare < 1)) {
            throw new IllegalArgumentException("train share must be between 0 and 1, was " + trainShare);
        }
        Map<String, List<Integer>> bySource = new LinkedHashMap<>();
        for (int i = 0; i < prompts.size(); i++) {
            bySource.computeIfAbsent(prompts.get(i).source(), s -> new ArrayList<>())
                    .add(i);
        }
        boolean[] training = new boolean[prompts.size()];
        Random random = new Random(seed);
        for (List<Integer> indices : bySource.values()) {
            List<Integer> shuffled = new ArrayList<>(indices);
            Collections.shuffle(shuffled, random);
            int n = (int) Math.round(trainShare * shuffled.size());
            shuffled.subList(0, n).forEach(i -> training[i] = true);
        }
        List<LabeledPrompt> train = new ArrayList<>();
        List<LabeledPrompt> test = new ArrayList<>();
        for (int i = 0; i < prompts.size(); i++) {
            (training[i] ? train : test).add(prompts.get(i));
        }
        return new TrainTestSplit(train, test);
    }
}
