package io.aigw.simulator.application;

import java.util.List;

/**
 * Simulated embeddings, one per input, in input order.
 *
 * @param vectors      unit vectors
 * @param promptTokens tokens of all inputs
 */
public record EmbeddingAnswer(List<float[]> vectors, int promptTokens) {}
