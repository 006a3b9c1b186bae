package io.aigw.cache.domain;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How long entries live: per tenant, else a default.
 *
 * @param defaultTtl for tenants without their own
 * @param perTenant tenant id to TTL
 */
public record TtlPolicy(Duration defaultTtl, Map<String, Duration> perTenant) {

    public TtlPolicy {
        Objects.requireNonNull(defaultTtl, "defaultTtl");
        perTenant = Map.copyOf(Objects.requireNonNull(perTenant, "perTenant"));
        requirePositive("aigw.cache.ttl.default", defaultTtl);
        perTenant.forEach((tenant, ttl) -> requirePositive("aigw.cache.ttl.tenants." + tenant, ttl));
    }

    public Duration ttlFor(TenantId tenant) {
        return perTenant.getOrDefault(tenant.value(), defaultTtl);
    }

    private static void requirePositive(String name, Duration ttl) {
        if (ttl == null || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration: " + ttl);
        }
    }
}
