package io.aigw.gateway.domain;

import java.util.Optional;

/** Reads the key out of an {@code Authorization: Bearer <key>} header value. */
public final class BearerToken {

    private static final String PREFIX = "bearer ";

    private BearerToken() {}

    public static Optional<String> from(String authorization) {
        if (authorization == null || authorization.length() <= PREFIX.length()) {
            return Optional.empty();
        }
        if (!authorization.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return Optional.empty();
        }
        String key = authorization.substring(PREFIX.length()).strip();
        return key.isEmpty() ? Optional.empty() : Optional.of(key);
    }
}
