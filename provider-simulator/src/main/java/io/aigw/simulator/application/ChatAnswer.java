package io.aigw.simulator.application;

import io.aigw.simulator.domain.GeneratedText;
import io.aigw.simulator.domain.ReplayAnswer;

/**
 * A simulated chat answer.
 *
 * @param promptTokens prompt tokens as the provider would bill them
 * @param text         the generated answer
 * @param replay       the recorded answer used, or null when the text is filler
 */
public record ChatAnswer(int promptTokens, GeneratedText text, ReplayAnswer replay) {

    public int totalTokens() {
        return promptTokens + text.completionTokens();
    }
}
