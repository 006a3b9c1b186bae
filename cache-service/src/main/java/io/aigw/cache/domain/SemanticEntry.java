package io.aigw.cache.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of the semantic index.
 *
 * @param tenant whose entry it is
 * @param model the model or group asked for
 * @param scope {@link CacheKeys#semanticScope}: a lookup only sees entries of its own scope
 * @param prompt the last user message the answer was given to; the verifier compares against it
 * @param embedding its embedding, unit length
 * @param answer the stored answer
 * @param expiresAt after this instant the entry is never served
 */
public record SemanticEntry(
        TenantId tenant,
        String model,
        String scope,
        String prompt,
        float[] embedding,
        CachedAnswer answer,
        Instant expiresAt) {

    public SemanticEntry {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(embedding, "embedding");
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
