package io.aigw.cache.domain;

import java.util.Objects;

/**
 * The key of an exact-cache entry.
 *
 * @param tenant whose entry it is
 * @param model the model or group asked for, so entries can be invalidated per model
 * @param digest hex SHA-256 of the canonical answer material
 */
public record ExactKey(TenantId tenant, String model, String digest) {

    public ExactKey {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(digest, "digest");
    }
}
