package io.aigw.routing.domain.learned;

import java.util.Objects;

/**
 * One piece of feedback as the predictor sees it: the prompt's unit-length embedding, the tier of the
 * model that answered it, and how good the answer was.
 *
 * @param embedding the prompt's embedding, scaled to length 1 (so a dot product is the cosine)
 * @param tier the catalog tier of the model that answered
 * @param score 0 (bad) to 1 (good)
 * @param promptChars the prompt's length in characters; 0 when unknown
 */
public record LabeledExample(float[] embedding, int tier, double score, int promptChars) {

    /** An example whose prompt length is unknown. */
    public LabeledExample(float[] embedding, int tier, double score) {
        this(embedding, tier, score, 0);
    }

    public LabeledExample {
        Objects.requireNonNull(embedding, "embedding");
        if (embedding.length == 0) {
            throw new IllegalArgumentException("embedding must not be empty");
        }
        if (tier < 1) {
            throw new IllegalArgumentException("tier must be positive, was " + tier);
        }
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score must be within 0..1, was " + score);
        }
        if (promptChars < 0) {
            throw new IllegalArgumentException("prompt length must not be negative, was " + promptChars);
        }
    }
}
