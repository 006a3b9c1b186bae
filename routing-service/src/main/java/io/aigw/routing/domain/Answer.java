package io.aigw.routing.domain;

import java.util.List;
import java.util.OptionalDouble;

/**
 * What the quality gates look at in a provider's answer (the first choice).
 *
 * @param content the text, empty when there is none
 * @param refusal the provider's own refusal field, empty when absent
 * @param toolCallArguments the arguments text of each tool call
 * @param meanLogprob the mean token log-probability when the provider returned logprobs
 */
public record Answer(
        String finishReason,
        String content,
        String refusal,
        List<String> toolCallArguments,
        OptionalDouble meanLogprob) {

    public Answer {
        finishReason = finishReason == null ? "" : finishReason;
        content = content == null ? "" : content;
        refusal = refusal == null ? "" : refusal;
        toolCallArguments = List.copyOf(toolCallArguments);
    }
}
