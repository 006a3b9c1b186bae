package io.aigw.simulator.domain;

import java.util.List;

/**
 * The answer text of a simulated model and its token accounting.
 *
 * @param text             the full answer
 * @param pieces           the answer split per token, for streaming; joined they equal {@code text}
 * @param completionTokens tokens of {@code text}
 * @param finishReason     {@link FinishReason#LENGTH} when the request's max tokens cut the answer
 */
public record GeneratedText(String text, List<String> pieces, int completionTokens, FinishReason finishReason) {

    public GeneratedText {
        pieces = List.copyOf(pieces);
    }
}
