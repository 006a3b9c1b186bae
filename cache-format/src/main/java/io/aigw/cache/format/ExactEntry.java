package io.aigw.cache.format;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The value of an exact-cache entry in Redis: {@code v1}, the cost in USD (or empty), the stored-at
 * epoch millis, then the response JSON, one line each. Plain lines rather than JSON so a reader can
 * take the cost without parsing the answer, and the answer bytes pass through untouched.
 *
 * @param responseJson the chat completion response as the provider gave it
 * @param costUsd what the answer cost when it was fresh, which a hit saves
 * @param storedAt when it was stored
 */
public record ExactEntry(String responseJson, Optional<BigDecimal> costUsd, Instant storedAt) {

    private static final String VERSION = "v1";

    public ExactEntry {
        Objects.requireNonNull(responseJson, "responseJson");
        Objects.requireNonNull(costUsd, "costUsd");
        Objects.requireNonNull(storedAt, "storedAt");
    }

    public String encode() {
        return VERSION + "\n" + costUsd.map(BigDecimal::toPlainString).orElse("") + "\n" + storedAt.toEpochMilli()
                + "\n" + responseJson;
    }

    /**
     * @throws IllegalArgumentException when the value is not an entry of this format, so a reader
     *     can count it as unreadable rather than serve it
     */
    public static ExactEntry decode(String value) {
        String[] parts = value.split("\n", 4);
        if (parts.length != 4 || !parts[0].equals(VERSION)) {
            throw new IllegalArgumentException("unreadable exact cache entry (format " + parts[0] + ")");
        }
        try {
            Optional<BigDecimal> cost = parts[1].isEmpty() ? Optional.empty() : Optional.of(new BigDecimal(parts[1]));
            return new ExactEntry(parts[3], cost, Instant.ofEpochMilli(Long.parseLong(parts[2])));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("unreadable exact cache entry (cost or time)", e);
        }
    }
}
