package io.aigw.routing.domain;

/**
 * One account whose limit a call counts against: a provider as a whole, or one deployment of it.
 *
 * @param provider the provider id; every scope of a provider shares it, so a Redis Cluster can keep
 *     them in one slot
 * @param name {@code provider} or {@code model:<name>}
 */
public record CapacityScope(String provider, String name, RateLimit limit) {

    public static CapacityScope ofProvider(String provider, RateLimit limit) {
        return new CapacityScope(provider, "provider", limit);
    }

    public static CapacityScope ofDeployment(DeploymentId id, RateLimit limit) {
        return new CapacityScope(id.provider(), "model:" + id.model(), limit);
    }
}
