package io.aigw.routing.adapter.out.memory;

import io.aigw.routing.application.CapacityStore;
import io.aigw.routing.application.ReplicaCount;
import io.aigw.routing.domain.CapacityScope;
import io.aigw.routing.domain.CapacityWindow;
import io.aigw.routing.domain.RateLimit;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * This replica's own count, against its share of each limit (limit ÷ known replicas): the fallback
 * when the shared store is out of reach. Every replica that falls back keeps to its share, so together
 * they stay within the provider's limit.
 */
public class LocalCapacityStore implements CapacityStore {

    private final Clock clock;
    private final ReplicaCount replicas;
    private final Duration window;
    private final Map<String, CapacityWindow> windows = new HashMap<>();

    public LocalCapacityStore(Clock clock, ReplicaCount replicas) {
        this(clock, replicas, Duration.ofMinutes(1));
    }

    public LocalCapacityStore(Clock clock, ReplicaCount replicas, Duration window) {
        this.clock = clock;
        this.replicas = replicas;
        this.window = window;
    }

    @Override
    public Mono<Decision> reserve(List<CapacityScope> scopes, String id, long tokens) {
        return Mono.fromSupplier(() -> take(scopes, id, tokens));
    }

    private synchronized Decision take(List<CapacityScope> scopes, String id, long tokens) {
        Instant now = clock.instant();
        int share = replicas.known();
        Duration wait = Duration.ZERO;
        for (CapacityScope scope : scopes) {
            RateLimit limit = scope.limit().shareOf(share);
            Optional<Duration> scopeWait = window(scope).waitFor(limit, tokens, now);
            if (scopeWait.isPresent() && scopeWait.get().compareTo(wait) > 0) {
                wait = scopeWait.get();
            }
        }
        if (!wait.isZero()) {
            return Decision.refused(wait).with(inUse(scopes, now));
        }
        scopes.forEach(scope -> window(scope).take(id, tokens, now));
        return Decision.GRANTED.with(inUse(scopes, now));
    }

    private List<InUse> inUse(List<CapacityScope> scopes, Instant now) {
        return scopes.stream()
                .map(scope ->
                        new InUse(window(scope).requests(now), window(scope).tokens(now)))
                .toList();
    }

    @Override
    public Mono<Void> settle(List<CapacityScope> scopes, String id, long tokens) {
        return Mono.fromRunnable(() -> each(scopes, w -> w.settle(id, tokens)));
    }

    @Override
    public Mono<Void> release(List<CapacityScope> scopes, String id) {
        return Mono.fromRunnable(() -> each(scopes, w -> w.release(id)));
    }

    @Override
    public Mono<Void> block(List<CapacityScope> scopes, Duration wait) {
        Instant until = clock.instant().plus(wait);
        return Mono.fromRunnable(() -> each(scopes, w -> w.blockUntil(until)));
    }

    private synchronized void each(List<CapacityScope> scopes, java.util.function.Consumer<CapacityWindow> action) {
        scopes.forEach(scope -> action.accept(window(scope)));
    }

    private CapacityWindow window(CapacityScope scope) {
        return windows.computeIfAbsent(scope.provider() + "|" + scope.name(), k -> new CapacityWindow(window));
    }
}
