package io.aigw.gateway.adapter.out.memory;

import io.aigw.gateway.application.LimitStore;
import io.aigw.gateway.application.ReplicaCount;
import io.aigw.gateway.domain.LimitDecision;
import io.aigw.gateway.domain.LimitScope;
import io.aigw.gateway.domain.TenantWindows;
import io.aigw.gateway.domain.UtcDay;
import java.time.Instant;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * This replica's own count, against its share of each plan (limit ÷ known replicas): the fallback
 * when the shared store is out of reach. Every replica that falls back keeps to its share, so
 * together they stay within the plan. Its counts start empty: what the shared store counted before
 * the outage is not known here (ADR 0010).
 */
public class LocalLimitStore implements LimitStore {

    private final ReplicaCount replicas;
    private final TenantWindows windows = new TenantWindows();

    public LocalLimitStore(ReplicaCount replicas) {
        this.replicas = replicas;
    }

    @Override
    public Mono<LimitDecision> reserve(List<LimitScope> scopes, String id, long tokens, Instant now) {
        return Mono.fromSupplier(() -> take(scopes, id, tokens, now));
    }

    private synchronized LimitDecision take(List<LimitScope> scopes, String id, long tokens, Instant now) {
        int share = replicas.known();
        List<LimitScope> shares = scopes.stream()
                .map(scope -> scope.withPlan(scope.plan().shareOf(share)))
                .toList();
        return windows.reserve(shares, id, tokens, now);
    }

    @Override
    public Mono<Void> settle(List<LimitScope> scopes, String id, UtcDay chargedDay, long estimate, long actual) {
        return Mono.fromRunnable(() -> {
            synchronized (this) {
                windows.settle(scopes, id, chargedDay, estimate, actual);
            }
        });
    }
}
