package io.aigw.bench.routing.domain;

import java.util.Objects;

/**
 * One prompt of a RouteLLM evaluation file with the recorded verdicts on the weak model's
 * (Mixtral-8x7B-Instruct) and the strong model's (gpt-4-1106-preview) answers.
 *
 * @param dataset the set it belongs to
 * @param source the file it came from (an MMLU subject), for stratified samples and error messages
 * @param prompt the prompt exactly as recorded
 * @param weakCorrect whether the weak model's answer was judged correct
 * @param strongCorrect whether the strong model's answer was judged correct
 * @param weakResponse the weak model's recorded answer, empty when the data holds none (MMLU)
 * @param strongResponse the strong model's recorded answer, empty when the data holds none (MMLU)
 */
public record LabeledPrompt(
        Dataset dataset,
        String source,
        String prompt,
        boolean weakCorrect,
        boolean strongCorrect,
        String weakResponse,
        String strongResponse) {

    public LabeledPrompt {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(weakResponse, "weakResponse");
        Objects.requireNonNull(strongResponse, "strongResponse");
    }

    /** A prompt with labels only, as in MMLU. */
    public static LabeledPrompt labelsOnly(
            Dataset dataset, String source, String prompt, boolean weakCorrect, boolean strongCorrect) {
        return new LabeledPrompt(dataset, source, prompt, weakCorrect, strongCorrect, "", "");
    }

    /** The recorded verdict for the answer of a model in the given role. */
    public boolean correctFor(ModelRole role) {
        return role == ModelRole.STRONG ? strongCorrect : weakCorrect;
    }

    /** The recorded answer of a model in the given role; empty when the data holds none. */
    public String responseOf(ModelRole role) {
        return role == ModelRole.STRONG ? strongResponse : weakResponse;
    }
}
