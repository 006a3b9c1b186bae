package io.aigw.cache.domain;

import java.util.List;
import java.util.Objects;

/**
 * What the cache needs to know about an answer to decide whether it may be stored.
 *
 * @param finishReasons the {@code finish_reason} of every choice
 * @param hasToolCalls whether any choice calls a tool
 */
public record AnswerFacts(List<String> finishReasons, boolean hasToolCalls) {

    public AnswerFacts {
        finishReasons = List.copyOf(Objects.requireNonNull(finishReasons, "finishReasons"));
    }
}
