package io.aigw.gateway.domain;

/**
 * Who a gateway key belongs to.
 *
 * @param tenantId the tenant every downstream decision is scoped to
 * @param keyId a stable, non-secret id of the key (for usage records and logs)
 * @param billedPlan the tenant's plan as billing resolved it with the key; null when the key came
 *     from configuration (the configured plans apply then)
 */
public record KeyOwner(String tenantId, String keyId, Plan billedPlan) {

    public KeyOwner(String tenantId, String keyId) {
        this(tenantId, keyId, null);
    }

    public java.util.Optional<Plan> planFromBilling() {
        return java.util.Optional.ofNullable(billedPlan);
    }

    public KeyOwner {
        if (tenantId == null || tenantId.isBlank()) {
            throw new IllegalArgumentException("tenant id must not be blank");
        }
        if (keyId == null || keyId.isBlank()) {
            throw new IllegalArgumentException("key id must not be blank");
        }
    }
}
