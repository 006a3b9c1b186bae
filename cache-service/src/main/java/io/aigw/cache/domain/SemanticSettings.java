package io.aigw.cache.domain;

/**
 * How the semantic cache picks a candidate.
 *
 * @param threshold the least cosine similarity a candidate needs before it is verified (0..1)
 * @param candidates how many nearest entries of the scope are verified, best first (1..20)
 * @param verify run the same-question check; off only to measure what similarity alone serves
 */
public record SemanticSettings(double threshold, int candidates, boolean verify) {

    public SemanticSettings {
        if (Double.isNaN(threshold) || threshold < 0 || threshold > 1) {
            throw new IllegalArgumentException("aigw.cache.semantic.threshold must be within 0..1: " + threshold);
        }
        if (candidates < 1 || candidates > 20) {
            throw new IllegalArgumentException("aigw.cache.semantic.candidates must be within 1..20: " + candidates);
        }
    }
}
