package io.aigw.cache.domain;

import io.aigw.cache.format.ExactCacheKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Derives the keys of a request: the exact key (tenant, model and a SHA-256 of everything that
 * changes the answer) and the semantic scope (a SHA-256 of tenant, model and the scope material).
 * The tenant is part of both, so no lookup can reach another tenant's entries.
 */
public final class CacheKeys {

    private CacheKeys() {}

    public static ExactKey exact(TenantId tenant, CacheableRequest request) {
        return new ExactKey(tenant, request.model(), ExactCacheKey.digest(request.answerMaterial()));
    }

    public static String semanticScope(TenantId tenant, CacheableRequest request) {
        // NUL separators: no choice of tenant or model name can make two different triples collide
        return sha256(tenant.value() + '\0' + request.model() + '\0' + request.scopeMaterial());
    }

    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
