package io.aigw.gateway.domain;

/**
 * One set of counters a request is charged to: the tenant's, or one key's when the key has a plan of
 * its own. A request is charged to every scope it belongs to, or to none.
 *
 * @param tenantId the tenant; every scope of a tenant lives together (one Redis Cluster slot)
 * @param keyId the key for a key's own scope, {@code null} for the tenant's
 * @param plan what this scope allows
 */
public record LimitScope(String tenantId, String keyId, Plan plan) {

    public LimitScope {
        if (tenantId == null || tenantId.isBlank()) {
            throw new IllegalArgumentException("tenant id must not be blank");
        }
        if (keyId != null && keyId.isBlank()) {
            throw new IllegalArgumentException("key id must not be blank when present");
        }
        if (plan == null) {
            throw new IllegalArgumentException("plan must not be null");
        }
    }

    public static LimitScope ofTenant(String tenantId, Plan plan) {
        return new LimitScope(tenantId, null, plan);
    }

    public static LimitScope ofKey(String tenantId, String keyId, Plan plan) {
        return new LimitScope(tenantId, keyId, plan);
    }

    public boolean isKey() {
        return keyId != null;
    }

    /** The same scope counted against another plan (e.g. this replica's share). */
    public LimitScope withPlan(Plan other) {
        return new LimitScope(tenantId, keyId, other);
    }

    /** How messages name it: {@code tenant acme} or {@code key k1 of tenant acme}. */
    public String describe() {
        return isKey() ? "key " + keyId + " of tenant " + tenantId : "tenant " + tenantId;
    }
}
