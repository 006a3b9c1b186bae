package io.aigw.simulator.domain;

/**
 * What RouteLLM recorded for one benchmark prompt.
 *
 * @param dataset        {@code gsm8k} or {@code mmlu}
 * @param weakCorrect    whether the weak model's answer was judged correct
 * @param strongCorrect  whether the strong model's answer was judged correct
 * @param weakResponse   the weak model's full answer, or null when the data set holds none (MMLU)
 * @param strongResponse the strong model's full answer, or null when the data set holds none (MMLU)
 */
public record ReplayRecord(
        String dataset, boolean weakCorrect, boolean strongCorrect, String weakResponse, String strongResponse) {

    /**
     * The answer a replaying model gives. MMLU ships labels but no responses and not even the right letter, so an
     * MMLU answer is a short text that states the label — {@code "MMLU replay: correct"} or {@code "... incorrect"} —
     * which a benchmark scores without a second lookup and whose length resembles a one-letter answer.
     */
    public ReplayAnswer answerFor(ReplaySource source) {
        boolean correct = source == ReplaySource.STRONG ? strongCorrect : weakCorrect;
        String recorded = source == ReplaySource.STRONG ? strongResponse : weakResponse;
        String text = recorded != null ? recorded : "MMLU replay: " + (correct ? "correct" : "incorrect");
        return new ReplayAnswer(text, dataset, correct);
    }
}
