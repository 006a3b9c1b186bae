package io.aigw.routing.domain;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * An upstream LLM provider account: where it is, how to authenticate, how long to wait.
 *
 * @param apiKey the provider secret; empty when the provider needs none. Never logged: {@link
 *     #toString()} masks it.
 * @param authHeader the header that carries the key ({@code Authorization}; Azure uses {@code
 *     api-key}, Anthropic {@code x-api-key})
 * @param authScheme the word before the key in that header ({@code Bearer}), or empty for none
 * @param timeout how long a non-streamed answer may take as a whole
 * @param firstTokenTimeout how long a stream may take to send its first chunk; defaults to {@code
 *     timeout}
 * @param streamIdleTimeout the longest pause between two chunks of a stream; defaults to {@code
 *     timeout}
 */
public record Provider(
        String id,
        ProviderType type,
        URI baseUrl,
        String apiKey,
        Duration timeout,
        String authHeader,
        String authScheme,
        Duration firstTokenTimeout,
        Duration streamIdleTimeout) {

    public Provider(String id, ProviderType type, URI baseUrl, String apiKey, Duration timeout) {
        this(id, type, baseUrl, apiKey, timeout, null, null);
    }

    public Provider(
            String id,
            ProviderType type,
            URI baseUrl,
            String apiKey,
            Duration timeout,
            String authHeader,
            String authScheme) {
        this(id, type, baseUrl, apiKey, timeout, authHeader, authScheme, null, null);
    }

    public Provider {
        requireText(id, "provider id");
        Objects.requireNonNull(type, () -> "provider '" + id + "': type is required");
        Objects.requireNonNull(baseUrl, () -> "provider '" + id + "': base-url is required");
        if (!"http".equals(baseUrl.getScheme()) && !"https".equals(baseUrl.getScheme())) {
            throw new IllegalArgumentException(
                    "provider '" + id + "': base-url must be http(s), was '" + baseUrl + "'");
        }
        apiKey = apiKey == null ? "" : apiKey;
        boolean anthropic = type == ProviderType.ANTHROPIC;
        authHeader =
                authHeader == null || authHeader.isBlank() ? (anthropic ? "x-api-key" : "Authorization") : authHeader;
        authScheme = authScheme == null ? (anthropic ? "" : "Bearer") : authScheme.strip();
        Objects.requireNonNull(timeout, () -> "provider '" + id + "': timeout is required");
        requirePositive(id, "timeout", timeout);
        firstTokenTimeout = firstTokenTimeout == null ? timeout : firstTokenTimeout;
        streamIdleTimeout = streamIdleTimeout == null ? timeout : streamIdleTimeout;
        requirePositive(id, "first-token-timeout", firstTokenTimeout);
        requirePositive(id, "stream-idle-timeout", streamIdleTimeout);
    }

    public boolean hasApiKey() {
        return !apiKey.isEmpty();
    }

    @Override
    public String toString() {
        return "Provider[id=" + id + ", type=" + type + ", baseUrl=" + baseUrl + ", apiKey="
                + (hasApiKey() ? "****" : "") + ", timeout=" + timeout + "]";
    }

    private static void requirePositive(String id, String what, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("provider '" + id + "': " + what + " must be positive, was " + value);
        }
    }

    static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value;
    }
}
