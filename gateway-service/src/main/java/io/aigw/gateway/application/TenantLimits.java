package io.aigw.gateway.application;

import io.aigw.gateway.domain.KeyOwner;
import io.aigw.gateway.domain.LimitScope;
import io.aigw.gateway.domain.UtcDay;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Keeps every tenant within its plan across all gateway replicas: a request is charged one request
 * and its estimated tokens in the shared store before it is forwarded, and settled to its real
 * tokens when the answer arrives. When the shared store is out of reach (or slower than its budget),
 * this replica counts alone against its share of each limit (ADR 0010): the limits still hold, with
 * less headroom, and the request path never waits on a broken Redis.
 */
public class TenantLimits {

    private static final Logger log = LoggerFactory.getLogger(TenantLimits.class);

    private final TenantPlans plans;
    private final LimitStore shared;
    private final LimitStore local;
    private final Duration budget;
    /** where the budgets run: the event loops in the service (ADR 0042 amendment) */
    private final Scheduler timers;

    private final LimitMetrics metrics;
    private final Clock clock;
    private final AtomicBoolean onFallback = new AtomicBoolean();

    /**
     * @param local this replica's own count; it applies each scope's share of the plan itself
     * @param budget how long a call may wait for the shared store before the local count decides
     */
    public TenantLimits(
            TenantPlans plans,
            LimitStore shared,
            LimitStore local,
            Duration budget,
            LimitMetrics metrics,
            Clock clock,
            Scheduler timers) {
        this.timers = timers;
        this.plans = plans;
        this.shared = shared;
        this.local = local;
        this.budget = budget;
        this.metrics = metrics;
        this.clock = clock;
        metrics.fallback(onFallback::get);
    }

    /** Whether requests are being counted locally because the shared store failed. */
    public boolean onFallback() {
        return onFallback.get();
    }

    /** Charges a request of {@code estimate} tokens, or refuses it. */
    public Mono<Admission> admit(KeyOwner owner, String id, long estimate) {
        return plans.plansOf(owner).flatMap(applied -> {
            Instant now = clock.instant();
            UtcDay day = UtcDay.of(now);
            List<LimitScope> scopes = applied.scopes(owner);
            if (scopes.isEmpty()) {
                return Mono.just(Admission.unlimited(id, day, estimate));
            }
            return shared.reserve(scopes, id, estimate, now)
                    .timeout(budget, timers)
                    .map(decision -> {
                        recovered();
                        return new Admission(scopes, id, day, estimate, decision, false);
                    })
                    .onErrorResume(error -> {
                        fellBack(error);
                        return local.reserve(scopes, id, estimate, now)
                                .map(decision -> new Admission(scopes, id, day, estimate, decision, true));
                    })
                    .doOnNext(admission -> {
                        if (!admission.granted()) {
                            metrics.rejected(
                                    owner.tenantId(), admission.decision().refusedBy());
                        }
                    });
        });
    }

    /**
     * Settles a granted request to the tokens it really used (0 gives them all back). Bounded by the
     * budget and never failing: a settlement that does not arrive leaves the estimate charged.
     */
    public Mono<Void> settle(Admission admission, long actualTokens) {
        if (!admission.isCounted() || actualTokens == admission.estimate()) {
            return Mono.empty();
        }
        LimitStore store = admission.local() ? local : shared;
        return store.settle(admission.scopes(), admission.id(), admission.day(), admission.estimate(), actualTokens)
                .timeout(budget, timers)
                .onErrorResume(error -> {
                    log.debug("tenant limits: settling {} failed: {}", admission.id(), error.toString());
                    return Mono.empty();
                });
    }

    private void fellBack(Throwable error) {
        if (onFallback.compareAndSet(false, true)) {
            log.warn(
                    "tenant limits: the shared store failed ({}); counting locally against this replica's share",
                    error.toString());
        }
    }

    private void recovered() {
        if (onFallback.compareAndSet(true, false)) {
            log.info("tenant limits: the shared store answers again; counting across replicas");
        }
    }
}
