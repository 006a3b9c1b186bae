package io.aigw.bench.routing.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the labels alone say about the prompts sent, to tell a harness error from a real effect.
 *
 * @param n prompts
 * @param weakCorrect prompts whose weak answer is labelled right
 * @param strongCorrect prompts whose strong answer is labelled right
 * @param repeatedRows rows whose prompt (trimmed, as the simulator matches) appeared in an earlier row
 * @param conflictingRows repeated rows whose labels differ from the first row's: the simulator can replay
 *     only the first, so for these the replayed answer and the row's label may disagree
 */
public record LabelStats(int n, int weakCorrect, int strongCorrect, int repeatedRows, int conflictingRows) {

    public static LabelStats of(List<LabeledPrompt> prompts) {
        Map<String, LabeledPrompt> first = new HashMap<>();
        int weak = 0;
        int strong = 0;
        int repeated = 0;
        int conflicting = 0;
        for (LabeledPrompt prompt : prompts) {
            weak += prompt.weakCorrect() ? 1 : 0;
            strong += prompt.strongCorrect() ? 1 : 0;
            LabeledPrompt earlier = first.putIfAbsent(prompt.prompt().trim(), prompt);
            if (earlier != null) {
                repeated++;
                if (earlier.weakCorrect() != prompt.weakCorrect()
                        || earlier.strongCorrect() != prompt.strongCorrect()) {
                    conflicting++;
                }
            }
        }
        return new LabelStats(prompts.size(), weak, strong, repeated, conflicting);
    }

    public double weakAccuracy() {
        return n == 0 ? 0 : (double) weakCorrect / n;
    }

    public double strongAccuracy() {
        return n == 0 ? 0 : (double) strongCorrect / n;
    }
}
