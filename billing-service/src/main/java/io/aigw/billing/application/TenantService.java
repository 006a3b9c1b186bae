package io.aigw.billing.application;

import io.aigw.billing.domain.BillingException;
import io.aigw.billing.domain.GatewayKey;
import io.aigw.billing.domain.Tenant;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import reactor.core.publisher.Mono;

/** Creates tenants, lists them and moves them between plans. */
public class TenantService {

    private final TenantDirectory tenants;
    private final PlanCatalog plans;
    private final KeyStore keys;
    private final KeyInvalidations invalidations;
    private final BudgetLimits budgetLimits;
    private final Blocking blocking;
    private final Clock clock;

    public TenantService(
            TenantDirectory tenants,
            PlanCatalog plans,
            KeyStore keys,
            KeyInvalidations invalidations,
            BudgetLimits budgetLimits,
            Blocking blocking,
            Clock clock) {
        this.tenants = tenants;
        this.plans = plans;
        this.keys = keys;
        this.invalidations = invalidations;
        this.budgetLimits = budgetLimits;
        this.blocking = blocking;
        this.clock = clock;
    }

    /**
     * @throws BillingException.InvalidInput when the plan does not exist or a value is bad
     * @throws BillingException.Conflict when the id is taken
     */
    public Mono<Tenant> create(String id, String displayName, String plan) {
        return blocking.call(() -> {
            Instant now = clock.instant();
            Tenant tenant = new Tenant(id, displayName, plan, now, now);
            requirePlan(plan);
            tenants.add(tenant);
            return tenant;
        });
    }

    public Mono<List<Tenant>> list() {
        return blocking.call(tenants::all);
    }

    /** @throws BillingException.NotFound when there is no such tenant */
    public Mono<Tenant> get(String id) {
        return blocking.call(() -> find(id));
    }

    /**
     * Moves the tenant to another plan; the gateways then resolve its keys again.
     *
     * @throws BillingException.NotFound when there is no such tenant
     * @throws BillingException.InvalidInput when the plan does not exist
     */
    public Mono<Tenant> changePlan(String id, String plan) {
        return blocking.call(() -> {
                    Tenant tenant = find(id);
                    requirePlan(plan);
                    Tenant changed = tenant.withPlan(plan, clock.instant());
                    tenants.update(changed);
                    return changed;
                })
                .flatMap(changed -> budgetLimits.forget(id).thenReturn(changed))
                .flatMap(changed -> blocking.call(() ->
                                keys.ofTenant(id).stream().map(GatewayKey::hash).toList())
                        .flatMap(invalidations::changed)
                        .thenReturn(changed));
    }

    Tenant find(String id) {
        return tenants.find(id).orElseThrow(() -> new BillingException.NotFound("no tenant '" + id + "'"));
    }

    private void requirePlan(String plan) {
        if (plans.find(plan).isEmpty()) {
            throw new BillingException.InvalidInput("plan", "no plan '" + plan + "'");
        }
    }
}
