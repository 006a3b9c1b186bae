package io.aigw.routing.application;

import io.aigw.routing.domain.CapacityLimits;
import io.aigw.routing.domain.CapacityScope;
import io.aigw.routing.domain.Deployment;
import io.aigw.routing.domain.PlannedDeployment;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Keeps every provider within the RPM/TPM limits it gave us, across all routing replicas: a call
 * reserves its request and estimated tokens in the shared store before it is sent, and settles to the
 * real usage after. When the shared store is out of reach, this replica counts alone against its
 * share of each limit (ADR 0007): the limit still holds, at the cost of some headroom, and the request
 * path never waits on a broken Redis. A store that answers, but later than its budget, is different:
 * the others still count there, so the call skips this deployment instead of counting locally.
 */
public class ProviderCapacity implements ProviderSignals {

    private static final Logger log = LoggerFactory.getLogger(ProviderCapacity.class);

    private final CapacityLimits limits;
    private final CapacityStore shared;
    private final CapacityStore local;
    private final Duration budget;
    /** where the budgets run: the event loops in the service (ADR 0042 amendment) */
    private final Scheduler timers;

    private final RoutingMetrics metrics;
    private final AtomicBoolean onFallback = new AtomicBoolean();

    /** What a client is told to wait when a slow shared store made every deployment skip. */
    private static final Duration SLOW_STORE_RETRY = Duration.ofSeconds(1);

    /**
     * @param budget how long a reservation may wait for the shared store before the local count decides
     */
    public ProviderCapacity(
            CapacityLimits limits,
            CapacityStore shared,
            CapacityStore local,
            Duration budget,
            RoutingMetrics metrics,
            Scheduler timers) {
        this.timers = timers;
        this.limits = limits;
        this.shared = shared;
        this.local = local;
        this.budget = budget;
        this.metrics = metrics;
        metrics.capacityFallback(onFallback::get);
    }

    /** Whether reservations are being counted locally because the shared store failed. */
    public boolean onFallback() {
        return onFallback.get();
    }

    public Mono<Reservation> reserve(PlannedDeployment planned, String id) {
        Deployment deployment = planned.deployment();
        List<CapacityScope> scopes = limits.scopesOf(deployment.id());
        if (scopes.isEmpty()) {
            return Mono.just(Reservation.unlimited(deployment, id));
        }
        long estimate = (long) planned.promptTokens() + planned.expectedOutputTokens();
        return shared.reserve(scopes, id, estimate)
                .timeout(budget, timers)
                .map(decision -> {
                    recovered();
                    observe(scopes, decision);
                    return reservation(deployment, scopes, id, estimate, decision, false);
                })
                .onErrorResume(TimeoutException.class, slow -> {
                    // Redis is there but slow: its script may still run and count this call, and a
                    // local grant on top of the other replicas' shared count could overshoot the
                    // provider. So this deployment is skipped for this call (the plan spills over), and
                    // whatever the late script took is given back.
                    fireAndForget(Mono.defer(() -> shared.release(scopes, id)), "release after timeout");
                    return Mono.just(reservation(
                            deployment, scopes, id, estimate, CapacityStore.Decision.refused(SLOW_STORE_RETRY), false));
                })
                .onErrorResume(error -> {
                    fellBack(error);
                    return local.reserve(scopes, id, estimate).map(decision -> {
                        observe(scopes, decision);
                        return reservation(deployment, scopes, id, estimate, decision, true);
                    });
                })
                .doOnNext(r -> metrics.reservation(deployment, r.granted() ? "granted" : "refused", r.local()));
    }

    /** The headroom gauges follow what the store said each scope holds after this reservation. */
    private void observe(List<CapacityScope> scopes, CapacityStore.Decision decision) {
        List<CapacityStore.InUse> inUse = decision.inUse();
        for (int i = 0; i < Math.min(scopes.size(), inUse.size()); i++) {
            CapacityScope scope = scopes.get(i);
            metrics.headroom(
                    scope,
                    remaining(scope.limit().requestsPerMinute(), inUse.get(i).requests()),
                    remaining(scope.limit().tokensPerMinute(), inUse.get(i).tokens()));
        }
    }

    /** What is left of a limit; -1 where there is no limit of that kind. */
    private static long remaining(long limit, long used) {
        return limit == 0 ? -1 : Math.max(0, limit - used);
    }

    /** Settles a granted reservation to the tokens really used; off the request path. */
    public void settle(Reservation reservation, long actualTokens) {
        if (!reservation.isCounted()) {
            return;
        }
        metrics.settleDelta(reservation.deployment(), actualTokens - reservation.estimate());
        fireAndForget(store(reservation).settle(reservation.scopes(), reservation.id(), actualTokens), "settle");
    }

    /** Gives back a reservation whose call the provider never accepted; off the request path. */
    public void release(Reservation reservation) {
        if (reservation.isCounted()) {
            fireAndForget(store(reservation).release(reservation.scopes(), reservation.id()), "release");
        }
    }

    /** The provider said it is full: no replica sends it anything for {@code wait}. */
    public void clamp(Deployment deployment, Duration wait) {
        List<CapacityScope> scopes = limits.scopesOf(deployment.id());
        if (!scopes.isEmpty() && !wait.isNegative() && !wait.isZero()) {
            fireAndForget(shared.block(scopes, wait).onErrorResume(e -> Mono.empty()), "clamp");
            fireAndForget(local.block(scopes, wait), "clamp");
        }
    }

    @Override
    public void exhausted(Deployment deployment, Duration resetIn) {
        clamp(deployment, resetIn);
    }

    private CapacityStore store(Reservation reservation) {
        return reservation.local() ? local : shared;
    }

    private static Reservation reservation(
            Deployment deployment,
            List<CapacityScope> scopes,
            String id,
            long estimate,
            CapacityStore.Decision decision,
            boolean local) {
        return new Reservation(deployment, scopes, id, estimate, decision.granted(), decision.retryAfter(), local);
    }

    private void fellBack(Throwable error) {
        if (onFallback.compareAndSet(false, true)) {
            log.warn(
                    "provider limits: the shared store failed ({}); counting locally against this replica's share",
                    error.toString());
        }
    }

    private void recovered() {
        if (onFallback.compareAndSet(true, false)) {
            log.info("provider limits: the shared store answers again; counting across replicas");
        }
    }

    private void fireAndForget(Mono<Void> call, String what) {
        call.timeout(budget.multipliedBy(10), timers)
                .subscribe(null, error -> log.debug("provider limits: {} failed: {}", what, error.toString()));
    }
}
