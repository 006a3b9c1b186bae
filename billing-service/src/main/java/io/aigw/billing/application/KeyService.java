package io.aigw.billing.application;

import io.aigw.billing.domain.BillingException;
import io.aigw.billing.domain.GatewayKey;
import io.aigw.billing.domain.KeyMaterial;
import io.aigw.billing.domain.Plan;
import io.aigw.billing.domain.Tenant;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import reactor.core.publisher.Mono;

/** The life of a gateway key: made and shown once, resolved by the gateway, revoked. */
public class KeyService {

    private final KeyStore keys;
    private final TenantDirectory tenants;
    private final PlanCatalog plans;
    private final KeyInvalidations invalidations;
    private final KeyMaterial material;
    private final Blocking blocking;
    private final Clock clock;
    private final Duration cacheTtl;

    /** @param cacheTtl how long a gateway may cache a resolved key (ADR 0023) */
    public KeyService(
            KeyStore keys,
            TenantDirectory tenants,
            PlanCatalog plans,
            KeyInvalidations invalidations,
            KeyMaterial material,
            Blocking blocking,
            Clock clock,
            Duration cacheTtl) {
        this.keys = keys;
        this.tenants = tenants;
        this.plans = plans;
        this.invalidations = invalidations;
        this.material = material;
        this.blocking = blocking;
        this.clock = clock;
        this.cacheTtl = cacheTtl;
    }

    /**
     * Makes a new key for the tenant; the result carries the key itself, which is never shown again.
     *
     * @throws BillingException.NotFound when there is no such tenant
     * @throws BillingException.InvalidInput when the expiry is not in the future or the name is bad
     */
    public Mono<CreatedKey> create(String tenantId, String name, Optional<Instant> expiresAt) {
        return blocking.call(() -> {
            requireTenant(tenantId);
            Instant now = clock.instant();
            if (expiresAt.isPresent() && !expiresAt.get().isAfter(now)) {
                throw new BillingException.InvalidInput("expires_at", "expires_at must be in the future");
            }
            String secret = material.newKey();
            GatewayKey key = new GatewayKey(
                    material.newId(),
                    tenantId,
                    name,
                    KeyMaterial.visiblePrefix(secret),
                    KeyMaterial.hash(secret),
                    now,
                    expiresAt,
                    Optional.empty());
            keys.add(key);
            return new CreatedKey(key, secret);
        });
    }

    /** The tenant's keys, without secrets. @throws BillingException.NotFound for an unknown tenant */
    public Mono<List<GatewayKey>> list(String tenantId) {
        return blocking.call(() -> {
            requireTenant(tenantId);
            return keys.ofTenant(tenantId);
        });
    }

    /**
     * Revokes the key and tells the gateways at once; revoking a revoked key changes nothing but tells
     * them again.
     *
     * @throws BillingException.NotFound when the tenant has no such key
     */
    public Mono<GatewayKey> revoke(String tenantId, String keyId) {
        return blocking.call(() -> {
                    GatewayKey key = keys.findById(keyId)
                            .filter(k -> k.tenantId().equals(tenantId))
                            .orElseThrow(() -> new BillingException.NotFound(
                                    "tenant '" + tenantId + "' has no key '" + keyId + "'"));
                    GatewayKey revoked = key.revoke(clock.instant());
                    if (revoked != key) {
                        keys.update(revoked);
                    }
                    return revoked;
                })
                .flatMap(revoked -> invalidations.revoked(revoked.hash()).thenReturn(revoked));
    }

    /**
     * What the gateway needs for a presented key, given as its SHA-256; empty when the key is unknown,
     * revoked or expired (the gateway answers all three with the same 401).
     */
    public Mono<KeyResolution> resolve(String keyHash) {
        return blocking.call(() -> {
            Instant now = clock.instant();
            Optional<GatewayKey> key = keys.findByHash(keyHash).filter(k -> k.isActive(now));
            if (key.isEmpty()) {
                return null;
            }
            Tenant tenant = tenants.find(key.get().tenantId()).orElseThrow();
            Plan plan = plans.find(tenant.plan()).orElseThrow();
            Duration cacheFor = key.get()
                    .expiresAt()
                    .map(expiry -> min(cacheTtl, Duration.between(now, expiry)))
                    .orElse(cacheTtl);
            return new KeyResolution(
                    tenant.id(), key.get().id(), plan, key.get().expiresAt(), cacheFor);
        });
    }

    /**
     * Makes sure the configured demo key works for the demo tenant: creates the tenant and stores the
     * key's hash when missing, and changes nothing when both are there, so every start-up may call it.
     *
     * @return the key's id
     */
    public Mono<String> seedDemo(String demoKey, String tenantId, String plan) {
        return blocking.call(() -> {
            String hash = KeyMaterial.hash(demoKey);
            Optional<GatewayKey> existing = keys.findByHash(hash);
            if (existing.isPresent()) {
                return existing.get().id();
            }
            Instant now = clock.instant();
            if (tenants.find(tenantId).isEmpty()) {
                if (plans.find(plan).isEmpty()) {
                    throw new BillingException.InvalidInput("demo-plan", "no plan '" + plan + "'");
                }
                tenants.add(new Tenant(tenantId, "Demo tenant", plan, now, now));
            }
            GatewayKey key = new GatewayKey(
                    material.newId(),
                    tenantId,
                    "demo key (AIGW_DEMO_KEY)",
                    KeyMaterial.visiblePrefix(demoKey),
                    hash,
                    now,
                    Optional.empty(),
                    Optional.empty());
            keys.add(key);
            return key.id();
        });
    }

    private void requireTenant(String tenantId) {
        if (tenants.find(tenantId).isEmpty()) {
            throw new BillingException.NotFound("no tenant '" + tenantId + "'");
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
