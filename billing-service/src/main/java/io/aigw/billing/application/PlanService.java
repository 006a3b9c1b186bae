package io.aigw.billing.application;

import io.aigw.billing.domain.BillingException;
import io.aigw.billing.domain.GatewayKey;
import io.aigw.billing.domain.Plan;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Lists, adds and edits plans; an edit makes the gateways resolve the affected keys again. */
public class PlanService {

    private final PlanCatalog plans;
    private final TenantDirectory tenants;
    private final KeyStore keys;
    private final KeyInvalidations invalidations;
    private final BudgetLimits budgetLimits;
    private final Blocking blocking;

    public PlanService(
            PlanCatalog plans,
            TenantDirectory tenants,
            KeyStore keys,
            KeyInvalidations invalidations,
            BudgetLimits budgetLimits,
            Blocking blocking) {
        this.plans = plans;
        this.tenants = tenants;
        this.keys = keys;
        this.invalidations = invalidations;
        this.budgetLimits = budgetLimits;
        this.blocking = blocking;
    }

    public Mono<List<Plan>> list() {
        return blocking.call(plans::all);
    }

    /** @throws BillingException.NotFound when there is no such plan */
    public Mono<Plan> get(String name) {
        return blocking.call(() -> plans.find(name).orElseThrow(() -> notFound(name)));
    }

    /**
     * Adds a plan; no tenant is on it yet, so no key needs resolving again.
     *
     * @throws BillingException.Conflict when a plan of that name exists
     */
    public Mono<Plan> create(Plan plan) {
        return blocking.call(() -> {
            plans.add(plan);
            return plan;
        });
    }

    /** Replaces the plan's limits. @throws BillingException.NotFound when there is no such plan */
    public Mono<Plan> update(Plan plan) {
        return blocking.call(() -> {
                    if (!plans.update(plan)) {
                        throw notFound(plan.name());
                    }
                    return tenants.onPlan(plan.name());
                })
                .flatMap(onPlan -> Flux.fromIterable(onPlan)
                        .concatMap(budgetLimits::forget)
                        .then(blocking.call(() -> onPlan.stream()
                                .flatMap(tenant -> keys.ofTenant(tenant).stream())
                                .map(GatewayKey::hash)
                                .toList())))
                .flatMap(invalidations::changed)
                .thenReturn(plan);
    }

    static BillingException.NotFound notFound(String name) {
        return new BillingException.NotFound("no plan '" + name + "'");
    }
}
