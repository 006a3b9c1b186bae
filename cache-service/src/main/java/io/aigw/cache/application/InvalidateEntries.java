package io.aigw.cache.application;

import io.aigw.cache.domain.TenantId;
import java.util.Optional;

/**
 * Removes a tenant's entries, all of them or those of one model, from both layers. Unlike lookups it
 * fails closed: a caller that asked for removal must learn that it did not happen.
 */
public final class InvalidateEntries {

    /** Entries per layer: removed, or present. */
    public record Counts(long exact, long semantic) {}

    private final ExactAnswerStore exact;
    private final SemanticIndex index;

    public InvalidateEntries(ExactAnswerStore exact, SemanticIndex index) {
        this.exact = exact;
        this.index = index;
    }

    public Counts invalidate(TenantId tenant, Optional<String> model) {
        long removedExact = model.map(m -> exact.removeModel(tenant, m)).orElseGet(() -> exact.removeTenant(tenant));
        long removedSemantic = model.map(m -> index.removeModel(tenant, m)).orElseGet(() -> index.removeTenant(tenant));
        return new Counts(removedExact, removedSemantic);
    }

    /** The tenant's entry counts per layer. */
    public Counts count(TenantId tenant) {
        return new Counts(exact.count(tenant), index.count(tenant));
    }

    public String indexKind() {
        return index.kind();
    }
}
