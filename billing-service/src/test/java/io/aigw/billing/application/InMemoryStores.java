package io.aigw.billing.application;

import io.aigw.billing.domain.BillingException;
import io.aigw.billing.domain.GatewayKey;
import io.aigw.billing.domain.Plan;
import io.aigw.billing.domain.Tenant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import reactor.core.publisher.Mono;

/** The ports in memory, for use-case tests without a database. */
final class InMemoryStores {

    final Map<String, Plan> plans = new TreeMap<>();
    final Map<String, Tenant> tenants = new TreeMap<>();
    final Map<String, GatewayKey> keys = new TreeMap<>();
    final List<String> revokedHashes = new ArrayList<>();
    final List<String> changedHashes = new ArrayList<>();

    final PlanCatalog planCatalog = new PlanCatalog() {
        @Override
        public List<Plan> all() {
            return List.copyOf(plans.values());
        }

        @Override
        public Optional<Plan> find(String name) {
            return Optional.ofNullable(plans.get(name));
        }

        @Override
        public void add(Plan plan) {
            if (plans.putIfAbsent(plan.name(), plan) != null) {
                throw new io.aigw.billing.domain.BillingException.Conflict("plan '" + plan.name() + "' exists");
            }
        }

        @Override
        public boolean update(Plan plan) {
            return plans.replace(plan.name(), plan) != null;
        }
    };

    final TenantDirectory tenantDirectory = new TenantDirectory() {
        @Override
        public List<Tenant> all() {
            return List.copyOf(tenants.values());
        }

        @Override
        public Optional<Tenant> find(String id) {
            return Optional.ofNullable(tenants.get(id));
        }

        @Override
        public void add(Tenant tenant) {
            if (tenants.putIfAbsent(tenant.id(), tenant) != null) {
                throw new BillingException.Conflict("exists");
            }
        }

        @Override
        public void update(Tenant tenant) {
            tenants.put(tenant.id(), tenant);
        }

        @Override
        public List<String> onPlan(String plan) {
            return tenants.values().stream()
                    .filter(t -> t.plan().equals(plan))
                    .map(Tenant::id)
                    .toList();
        }
    };

    final KeyStore keyStore = new KeyStore() {
        @Override
        public void add(GatewayKey key) {
            if (keys.putIfAbsent(key.id(), key) != null) {
                throw new BillingException.Conflict("exists");
            }
        }

        @Override
        public Optional<GatewayKey> findByHash(String hash) {
            return keys.values().stream().filter(k -> k.hash().equals(hash)).findFirst();
        }

        @Override
        public Optional<GatewayKey> findById(String id) {
            return Optional.ofNullable(keys.get(id));
        }

        @Override
        public List<GatewayKey> ofTenant(String tenantId) {
            return keys.values().stream()
                    .filter(k -> k.tenantId().equals(tenantId))
                    .toList();
        }

        @Override
        public void update(GatewayKey key) {
            keys.put(key.id(), key);
        }
    };

    final KeyInvalidations invalidations = new KeyInvalidations() {
        @Override
        public Mono<Void> revoked(String keyHash) {
            return Mono.fromRunnable(() -> revokedHashes.add(keyHash));
        }

        @Override
        public Mono<Void> changed(Collection<String> keyHashes) {
            return Mono.fromRunnable(() -> changedHashes.addAll(keyHashes));
        }
    };
}
