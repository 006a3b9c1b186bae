package io.aigw.cache.domain;

/**
 * A stored entry near the asked prompt.
 *
 * @param prompt the stored prompt
 * @param answer the stored answer
 * @param similarity cosine similarity, 1 for the same direction
 */
public record SemanticCandidate(String prompt, CachedAnswer answer, double similarity) {}
