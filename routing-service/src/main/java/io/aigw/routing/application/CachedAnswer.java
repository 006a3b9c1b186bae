package io.aigw.routing.application;

import java.math.BigDecimal;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a cache lookup found.
 *
 * @param result {@code hit-exact}, {@code hit-semantic} or {@code miss} ({@code x-aigw-cache})
 * @param similarity the cosine similarity of a semantic hit; null otherwise
 * @param response the cached chat completion; null on a miss
 * @param savedUsd what the cached answer cost when it was made: what this hit saved
 */
public record CachedAnswer(String result, Double similarity, ObjectNode response, BigDecimal savedUsd) {

    public static final CachedAnswer MISS = new CachedAnswer("miss", null, null, BigDecimal.ZERO);

    public boolean isHit() {
        return response != null && result.startsWith("hit");
    }
}
