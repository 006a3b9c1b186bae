package io.aigw.routing.application.learned;

import io.aigw.routing.domain.learned.LabeledExample;
import java.time.Instant;

/**
 * Feedback as stored: the answered request it is about, its score, the prompt's embedding and when it
 * was given (what the retention bounds count from).
 *
 * @param score 0 (bad) to 1 (good)
 * @param promptChars the prompt's length in characters (0: unknown)
 */
public record FeedbackEntry(
        String requestId, String model, int tier, double score, float[] embedding, int promptChars, Instant at) {

    public LabeledExample example() {
        return new LabeledExample(embedding, tier, score, promptChars);
    }
}
