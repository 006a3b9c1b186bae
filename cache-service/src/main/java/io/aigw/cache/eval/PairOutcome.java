package io.aigw.cache.eval;

import java.util.Optional;

/**
 * What the real lookup path did with one pair, and what a threshold sweep needs.
 *
 * @param kind the pair's category
 * @param same whether {@code b} asks what {@code a} asks
 * @param served the shipped settings served {@code a}'s answer for {@code b}
 * @param similarity cosine similarity of the two prompts' embeddings, as the index reported it
 * @param verified the verifier accepts the pair
 * @param rejection the verifier's reason when it does not
 */
record PairOutcome(
        String kind, boolean same, boolean served, double similarity, boolean verified, Optional<String> rejection) {}
