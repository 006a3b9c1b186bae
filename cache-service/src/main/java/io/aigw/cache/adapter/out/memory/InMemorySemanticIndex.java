package io.aigw.cache.adapter.out.memory;

import io.aigw.cache.application.SemanticIndex;
import io.aigw.cache.domain.SemanticCandidate;
import io.aigw.cache.domain.SemanticEntry;
import io.aigw.cache.domain.TenantId;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The semantic index of the one-command run, when no PostgreSQL is configured: exact cosine search
 * over the entries of one scope, in this process's memory, lost on restart. Bounded: beyond {@code
 * maxEntries} the oldest entries go first.
 */
public final class InMemorySemanticIndex implements SemanticIndex {

    private final int maxEntries;
    private final Map<String, List<SemanticEntry>> byScope = new HashMap<>();
    private final Deque<SemanticEntry> insertionOrder = new ArrayDeque<>();

    public InMemorySemanticIndex(int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("max entries must be positive: " + maxEntries);
        }
        this.maxEntries = maxEntries;
    }

    @Override
    public synchronized List<SemanticCandidate> nearest(
            TenantId tenant, String scope, float[] embedding, int limit, Instant now) {
        List<SemanticCandidate> found = new ArrayList<>();
        for (SemanticEntry entry : byScope.getOrDefault(scope, List.of())) {
            if (entry.tenant().equals(tenant) && entry.expiresAt().isAfter(now)) {
                found.add(new SemanticCandidate(entry.prompt(), entry.answer(), cosine(embedding, entry.embedding())));
            }
        }
        found.sort(Comparator.comparingDouble(SemanticCandidate::similarity).reversed());
        return List.copyOf(found.subList(0, Math.min(limit, found.size())));
    }

    @Override
    public synchronized void add(SemanticEntry entry) {
        byScope.computeIfAbsent(entry.scope(), k -> new ArrayList<>()).add(entry);
        insertionOrder.addLast(entry);
        while (insertionOrder.size() > maxEntries) {
            SemanticEntry oldest = insertionOrder.removeFirst();
            List<SemanticEntry> scope = byScope.get(oldest.scope());
            scope.remove(oldest);
            if (scope.isEmpty()) {
                byScope.remove(oldest.scope());
            }
        }
    }

    @Override
    public synchronized long removeTenant(TenantId tenant) {
        return removeIf(e -> e.tenant().equals(tenant));
    }

    @Override
    public synchronized long removeModel(TenantId tenant, String model) {
        return removeIf(e -> e.tenant().equals(tenant) && e.model().equals(model));
    }

    @Override
    public synchronized long count(TenantId tenant) {
        return insertionOrder.stream().filter(e -> e.tenant().equals(tenant)).count();
    }

    @Override
    public synchronized long countAll() {
        return insertionOrder.size();
    }

    @Override
    public String kind() {
        return "in-memory";
    }

    private long removeIf(java.util.function.Predicate<SemanticEntry> doomed) {
        long before = insertionOrder.size();
        insertionOrder.removeIf(doomed);
        byScope.values().forEach(entries -> entries.removeIf(doomed));
        byScope.values().removeIf(List::isEmpty);
        return before - insertionOrder.size();
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double normA = 0;
        double normB = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            normA += a[i] * a[i];
            normB += b[i] * b[i];
        }
        return normA == 0 || normB == 0 ? 0 : dot / Math.sqrt(normA * normB);
    }
}
