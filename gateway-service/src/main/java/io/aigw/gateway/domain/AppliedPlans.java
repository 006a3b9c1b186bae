package io.aigw.gateway.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The plans a key's requests count against: always its tenant's, and the key's own when it has one.
 *
 * @param tenant the tenant's plan
 * @param key the key's own plan; empty when the key simply shares its tenant's limits
 */
public record AppliedPlans(Plan tenant, Optional<Plan> key) {

    public AppliedPlans {
        if (tenant == null || key == null) {
            throw new IllegalArgumentException("plans must not be null");
        }
    }

    public static AppliedPlans ofTenant(Plan tenant) {
        return new AppliedPlans(tenant, Optional.empty());
    }

    /** The scopes a request of {@code owner} is charged to; unlimited ones are left out. */
    public List<LimitScope> scopes(KeyOwner owner) {
        List<LimitScope> scopes = new ArrayList<>(2);
        if (!tenant.isUnlimited()) {
            scopes.add(LimitScope.ofTenant(owner.tenantId(), tenant));
        }
        key.filter(plan -> !plan.isUnlimited())
                .ifPresent(plan -> scopes.add(LimitScope.ofKey(owner.tenantId(), owner.keyId(), plan)));
        return List.copyOf(scopes);
    }
}
