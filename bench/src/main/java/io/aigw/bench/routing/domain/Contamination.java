package io.aigw.bench.routing.domain;

import java.util.List;
import java.util.Set;

/**
 * RouteLLM's list of evaluation prompts that also appear in its routers' training data. A router
 * evaluation leaves them out; the match is exact, as in RouteLLM's own evaluation ({@code isin}).
 */
public final class Contamination {

    private final Set<String> evalPrompts;

    public Contamination(Set<String> evalPrompts) {
        this.evalPrompts = Set.copyOf(evalPrompts);
    }

    /** The prompts that are not contaminated, in their original order. */
    public List<LabeledPrompt> clean(List<LabeledPrompt> prompts) {
        return prompts.stream().filter(p -> !evalPrompts.contains(p.prompt())).toList();
    }

    /** How many listed prompts there are (all of them should be found in the set). */
    public int size() {
        return evalPrompts.size();
    }
}
