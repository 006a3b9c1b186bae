package io.aigw.cache.application;

import io.aigw.cache.domain.SemanticCandidate;
import io.aigw.cache.domain.SemanticEntry;
import io.aigw.cache.domain.TenantId;
import java.time.Instant;
import java.util.List;

/** The semantic layer switched off ({@code aigw.cache.semantic.enabled=false}): keeps and finds nothing. */
public final class NoSemanticIndex implements SemanticIndex {

    @Override
    public List<SemanticCandidate> nearest(TenantId tenant, String scope, float[] embedding, int limit, Instant now) {
        return List.of();
    }

    @Override
    public void add(SemanticEntry entry) {
        // nothing is kept
    }

    @Override
    public long removeTenant(TenantId tenant) {
        return 0;
    }

    @Override
    public long removeModel(TenantId tenant, String model) {
        return 0;
    }

    @Override
    public long count(TenantId tenant) {
        return 0;
    }

    @Override
    public long countAll() {
        return 0;
    }

    @Override
    public String kind() {
        return "none";
    }

    @Override
    public boolean enabled() {
        return false;
    }
}
