package io.aigw.routing.application.learned;

import io.aigw.routing.domain.learned.LabeledExample;

/**
 * Feedback as stored: the answered request it is about, its score and the prompt's embedding.
 *
 * @param score 0 (bad) to 1 (good)
 */
public record FeedbackEntry(String requestId, String model, int tier, double score, float[] embedding) {

    public LabeledExample example() {
        return new LabeledExample(embedding, tier, score);
    }
}
