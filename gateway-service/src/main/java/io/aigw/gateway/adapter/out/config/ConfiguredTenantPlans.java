package io.aigw.gateway.adapter.out.config;

import io.aigw.gateway.application.TenantPlans;
import io.aigw.gateway.domain.AppliedPlans;
import io.aigw.gateway.domain.KeyOwner;
import io.aigw.gateway.domain.Plan;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * Plans from configuration, until billing owns tenants and keys: named plans, the plan of each
 * known tenant (and key), and a default for every other tenant. Checked when built, so a plan name
 * that does not exist stops start-up instead of turning into "unlimited".
 */
public class ConfiguredTenantPlans implements TenantPlans {

    private final Map<String, Plan> tenantPlans;
    private final Map<String, Plan> keyPlans;
    private final Plan defaultPlan;

    /**
     * @param plans the named plans
     * @param tenantPlans tenant id → plan name
     * @param keyPlans key id → plan name, for keys with limits of their own
     * @param defaultPlan the plan name of tenants not in {@code tenantPlans}
     */
    public ConfiguredTenantPlans(
            Map<String, Plan> plans,
            Map<String, String> tenantPlans,
            Map<String, String> keyPlans,
            String defaultPlan) {
        this.tenantPlans = resolve(plans, tenantPlans, "tenant");
        this.keyPlans = resolve(plans, keyPlans, "key");
        this.defaultPlan = named(plans, defaultPlan, "the default plan");
    }

    private static Map<String, Plan> resolve(Map<String, Plan> plans, Map<String, String> names, String what) {
        Map<String, Plan> resolved = new HashMap<>();
        names.forEach((id, name) -> resolved.put(id, named(plans, name, what + " " + id)));
        return Map.copyOf(resolved);
    }

    private static Plan named(Map<String, Plan> plans, String name, String whose) {
        Plan plan = plans.get(name);
        if (plan == null) {
            throw new IllegalArgumentException(
                    "unknown plan '" + name + "' for " + whose + "; configured plans: " + plans.keySet());
        }
        return plan;
    }

    @Override
    public Mono<AppliedPlans> plansOf(KeyOwner owner) {
        // billing's word on the tenant's plan wins; configuration covers keys billing does not know
        Plan tenant = owner.planFromBilling().orElseGet(() -> tenantPlans.getOrDefault(owner.tenantId(), defaultPlan));
        return Mono.just(new AppliedPlans(tenant, Optional.ofNullable(keyPlans.get(owner.keyId()))));
    }
}
