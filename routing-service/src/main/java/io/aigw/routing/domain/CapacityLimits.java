package io.aigw.routing.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The configured RPM/TPM limits: per provider account and, where a provider limits each model on its
 * own, per deployment. A call must fit every scope that applies to it.
 */
public final class CapacityLimits {

    public static final CapacityLimits NONE = new CapacityLimits(Map.of(), Map.of());

    private final Map<String, RateLimit> byProvider;
    private final Map<DeploymentId, RateLimit> byDeployment;

    public CapacityLimits(Map<String, RateLimit> byProvider, Map<DeploymentId, RateLimit> byDeployment) {
        this.byProvider = Map.copyOf(byProvider);
        this.byDeployment = Map.copyOf(byDeployment);
    }

    /** The scopes a call to this deployment reserves in; empty when nothing limits it. */
    public List<CapacityScope> scopesOf(DeploymentId id) {
        List<CapacityScope> scopes = new ArrayList<>(2);
        RateLimit provider = byProvider.getOrDefault(id.provider(), RateLimit.NONE);
        if (!provider.isUnlimited()) {
            scopes.add(CapacityScope.ofProvider(id.provider(), provider));
        }
        RateLimit deployment = byDeployment.getOrDefault(id, RateLimit.NONE);
        if (!deployment.isUnlimited()) {
            scopes.add(CapacityScope.ofDeployment(id, deployment));
        }
        return List.copyOf(scopes);
    }

    public boolean isEmpty() {
        return byProvider.values().stream().allMatch(RateLimit::isUnlimited)
                && byDeployment.values().stream().allMatch(RateLimit::isUnlimited);
    }
}
