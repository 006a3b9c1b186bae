package io.aigw.cache.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A stored answer.
 *
 * @param responseJson the chat completion response as the provider returned it
 * @param costUsd what producing it cost, if the store call said; served hits save this much
 * @param storedAt when it was stored
 */
public record CachedAnswer(String responseJson, Optional<BigDecimal> costUsd, Instant storedAt) {

    public CachedAnswer {
        Objects.requireNonNull(responseJson, "responseJson");
        Objects.requireNonNull(costUsd, "costUsd");
        Objects.requireNonNull(storedAt, "storedAt");
    }
}
