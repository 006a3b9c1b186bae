package io.aigw.bench.routing.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A fixed-seed sample stratified by source (MMLU subject): each subject keeps its share of the set
 * (largest remainder, so the sizes add up to exactly {@code n}), drawn by a seeded shuffle. The same
 * seed and data always give the same prompts, in file order.
 */
public final class StratifiedSample {

    private StratifiedSample() {}

    public static List<LabeledPrompt> of(List<LabeledPrompt> prompts, int n, long seed) {
        if (n < 1) {
            throw new IllegalArgumentException("sample size must be positive, was " + n);
        }
        if (n >= prompts.size()) {
            return List.copyOf(prompts);
        }
        Map<String, List<Integer>> bySource = new LinkedHashMap<>();
        for (int i = 0; i < prompts.size(); i++) {
            bySource.computeIfAbsent(prompts.get(i).source(), s -> new ArrayList<>())
                    .add(i);
        }
        List<String> sources = new ArrayList<>(bySource.keySet());
        int[] quota = new int[sources.size()];
        double[] remainder = new double[sources.size()];
        int given = 0;
        for (int s = 0; s < sources.size(); s++) {
            double exact = (double) n * bySource.get(sources.get(s)).size() / prompts.size();
            quota[s] = (int) Math.floor(exact);
            remainder[s] = exact - quota[s];
            given += quota[s];
        }
        List<Integer> order = new ArrayList<>();
        for (int s = 0; s < sources.size(); s++) {
            order.add(s);
        }
        // ties go to the earlier source, so the result does not depend on the sort's stability
        order.sort(Comparator.<Integer>comparingDouble(s -> -remainder[s]).thenComparing(s -> s));
        for (int k = 0; given < n; k++, given++) {
            quota[order.get(k)]++;
        }
        Random random = new Random(seed);
        List<Integer> chosen = new ArrayList<>(n);
        for (int s = 0; s < sources.size(); s++) {
            List<Integer> indexes = new ArrayList<>(bySource.get(sources.get(s)));
            Collections.shuffle(indexes, random);
            chosen.addAll(indexes.subList(0, quota[s]));
        }
        Collections.sort(chosen);
        return chosen.stream().map(prompts::get).toList();
    }
}
