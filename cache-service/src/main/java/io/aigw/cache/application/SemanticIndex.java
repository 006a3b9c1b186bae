package io.aigw.cache.application;

import io.aigw.cache.domain.SemanticCandidate;
import io.aigw.cache.domain.SemanticEntry;
import io.aigw.cache.domain.TenantId;
import java.time.Instant;
import java.util.List;

/**
 * Entries found by the nearness of their prompt's embedding, always within one scope (which
 * includes the tenant). Failures surface as runtime exceptions.
 */
public interface SemanticIndex {

    /**
     * The live entries of {@code scope} nearest to {@code embedding}, most similar first.
     *
     * @param tenant checked as well as the scope, so even a scope collision cannot cross tenants
     */
    List<SemanticCandidate> nearest(TenantId tenant, String scope, float[] embedding, int limit, Instant now);

    void add(SemanticEntry entry);

    long removeTenant(TenantId tenant);

    long removeModel(TenantId tenant, String model);

    long count(TenantId tenant);

    /** Entries of all tenants, for the {@code aigw_cache_entries} gauge. */
    long countAll();

    /** The technology, for logs, health and stats: {@code pgvector}, {@code in-memory} or {@code none}. */
    String kind();

    /** Whether entries are kept and searched at all; when not, callers skip the embedding too. */
    default boolean enabled() {
        return true;
    }
}
