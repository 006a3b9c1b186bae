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
 */
public record Provider(
        String id,
        ProviderType type,
        URI baseUrl,
        String apiKey,
        Duration timeout,
        String authHeader,
        String authScheme) {

    public Provider(String id, ProviderType type, URI baseUrl, String apiKey, Duration timeout) {
        this(id, type, baseUrl, apiKey, timeout, null, null);
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
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("provider '" + id + "': timeout must be positive, was " + timeout);
        }
    }

    public boolean hasApiKey() {
        return !apiKey.isEmpty();
    }

    @Override
    public String toString() {
        return "Provider[id=" + id + ", type=" + type + ", baseUrl=" + baseUrl + ", apiKey="
                + (hasApiKey() ? "****" : "") + ", timeout=" + timeout + "]";
    }

    static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value;
    }
}
