package io.aigw.routing.application;

import io.aigw.api.policy.RoutingPolicy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routing policy in force: tier caps (brown-outs) and degraded providers, as the scaler publishes
 * them. Only a newer version replaces the current one, so a late or repeated notice changes nothing;
 * when the source is unreachable the last good policy simply stays.
 */
public class RoutingPolicies {

    private static final Logger log = LoggerFactory.getLogger(RoutingPolicies.class);

    /** Before the scaler has said anything: no caps, nobody degraded. */
    public static final RoutingPolicy NONE =
            new RoutingPolicy(0, Instant.EPOCH, null, Map.of(), Map.of(), List.of(), "none");

    private final AtomicReference<RoutingPolicy> current = new AtomicReference<>(NONE);

    public RoutingPolicy current() {
        return current.get();
    }

    /** Takes the policy if it is newer than the one in force; true when it did. */
    public boolean offer(RoutingPolicy policy) {
        RoutingPolicy before = current.getAndUpdate(now -> policy.version() > now.version() ? policy : now);
        boolean applied = policy.version() > before.version();
        if (applied) {
            log.info(
                    "routing policy v{} in force (was v{}): max tier {}, tenant caps {}, degraded {} — {}",
                    policy.version(),
                    before.version(),
                    policy.maxTier() == null ? "none" : policy.maxTier(),
                    policy.maxTierByTenant(),
                    policy.degradedProviders(),
                    policy.reason());
        }
        return applied;
    }

    /** The highest tier this tenant may use now: the lowest of the global and the tenant's cap. */
    public int maxTierFor(String tenant, int unrestricted) {
        RoutingPolicy policy = current.get();
        int cap = unrestricted;
        if (policy.maxTier() != null) {
            cap = Math.min(cap, policy.maxTier());
        }
        Integer tenantCap = policy.maxTierByTenant().get(tenant);
        if (tenantCap != null) {
            cap = Math.min(cap, tenantCap);
        }
        return Math.max(1, cap);
    }

    public boolean isDegraded(String provider) {
        return current.get().degradedProviders().contains(provider);
    }
}
