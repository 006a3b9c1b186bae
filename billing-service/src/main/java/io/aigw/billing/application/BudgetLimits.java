package io.aigw.billing.application;

import io.aigw.billing.domain.BillingException;
import io.aigw.billing.domain.NanoUsd;
import io.aigw.billing.domain.Plan;
import io.aigw.billing.domain.Tenant;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/**
 * Each tenant's monthly budget in nano-USD (-1 when unlimited), kept in memory for a few seconds.
 *
 * <p>Every budget hold needs it, and reading it means two database queries on a blocking thread:
 * on the request path that cost more CPU than the hold itself. A change made through this replica's
 * admin API is seen at once ({@link #forget}); one made through another billing replica within
 * {@code ttl}.
 *
 * <p>Each value read from the database is also published ({@link PublishedLimits}) for the routing
 * replicas, which then place holds in Redis themselves; {@link #forget} withdraws it, so a change
 * reaches them with their next request.
 */
public final class BudgetLimits {

    /** More tenants than this and the memory starts again empty rather than grow without bound. */
    static final int MAX_TENANTS = 10_000;

    private record Known(long nanos, Instant until) {}

    private final TenantDirectory tenants;
    private final PlanCatalog plans;
    private final PublishedLimits published;
    private final Blocking blocking;
    private final Clock clock;
    private final Duration ttl;
    private final Map<String, Known> known = new ConcurrentHashMap<>();

    public BudgetLimits(
            TenantDirectory tenants,
            PlanCatalog plans,
            PublishedLimits published,
            Blocking blocking,
            Clock clock,
            Duration ttl) {
        this.tenants = tenants;
        this.plans = plans;
        this.published = published;
        this.blocking = blocking;
        this.clock = clock;
        this.ttl = ttl;
    }

    /**
     * The tenant's budget for a month; -1 when its plan has none.
     *
     * @throws BillingException.NotFound (in the Mono) for an unknown tenant, which is not remembered
     */
    public Mono<Long> nanos(String tenantId) {
        Known hit = known.get(tenantId);
        if (hit != null && clock.instant().isBefore(hit.until())) {
            return Mono.just(hit.nanos());
        }
        return blocking.call(() -> read(tenantId))
                .doOnNext(nanos -> remember(tenantId, nanos))
                .flatMap(nanos -> published
                        .publish(tenantId, nanos)
                        // unpublished, routing asks billing again: slower, never wrong
                        .onErrorResume(error -> Mono.empty())
                        .thenReturn(nanos));
    }

    /** The tenant's budget changed (its plan, or its plan's budget): read it again, here and in routing. */
    public Mono<Void> forget(String tenantId) {
        known.remove(tenantId);
        return published.withdraw(tenantId);
    }

    private long read(String tenantId) {
        Tenant tenant =
                tenants.find(tenantId).orElseThrow(() -> new BillingException.NotFound("no tenant '" + tenantId + "'"));
        Plan plan = plans.find(tenant.plan()).orElseThrow();
        return plan.monthlyBudgetUsd().map(NanoUsd::ceil).orElse(-1L);
    }

    private void remember(String tenantId, long nanos) {
        if (known.size() >= MAX_TENANTS) {
            known.clear();
        }
        known.put(tenantId, new Known(nanos, clock.instant().plus(ttl)));
    }
}
