package io.aigw.routing.application;

import io.aigw.routing.domain.Cooldowns;
import io.aigw.routing.domain.Deployment;
import io.aigw.routing.domain.DeploymentConditions;
import io.aigw.routing.domain.DeploymentId;
import io.aigw.routing.domain.LatencyStats;
import io.aigw.routing.domain.RoutingException;
import io.aigw.routing.domain.RoutingException.UpstreamFailure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/**
 * What routing learns from every call — breakers, provider-requested waits, latency — and what the
 * planner asks of it.
 */
public class DeploymentHealth implements DeploymentConditions {

    private final CircuitBreakers breakers;
    private final Cooldowns cooldowns;
    private final LatencyStats latency;
    private final Clock clock;
    private final RoutingPolicies policies;

    public DeploymentHealth(CircuitBreakers breakers, Cooldowns cooldowns, LatencyStats latency, Clock clock) {
        this(breakers, cooldowns, latency, clock, new RoutingPolicies());
    }

    public DeploymentHealth(
            CircuitBreakers breakers,
            Cooldowns cooldowns,
            LatencyStats latency,
            Clock clock,
            RoutingPolicies policies) {
        this.breakers = breakers;
        this.cooldowns = cooldowns;
        this.latency = latency;
        this.clock = clock;
        this.policies = policies;
    }

    @Override
    public boolean degraded(DeploymentId id) {
        return policies.isDegraded(id.provider());
    }

    @Override
    public boolean circuitOpen(DeploymentId id) {
        return breakers.isOpen(id);
    }

    @Override
    public boolean coolingDown(DeploymentId id) {
        return cooldowns.isCooling(id);
    }

    @Override
    public Optional<Duration> observedLatency(DeploymentId id) {
        return latency.average(id);
    }

    boolean tryAcquire(DeploymentId id) {
        return breakers.tryAcquire(id);
    }

    void succeeded(Deployment deployment, Duration took) {
        breakers.onSuccess(deployment.id(), took);
        latency.record(deployment.id(), took);
    }

    void failed(Deployment deployment, Duration took, RoutingException error) {
        breakers.onFailure(deployment.id(), took, error);
        if (error instanceof UpstreamFailure failure) {
            failure.retryAfter().ifPresent(wait -> cooldowns.coolDown(deployment.id(), wait));
        }
    }

    void notJudged(Deployment deployment) {
        breakers.release(deployment.id());
    }

    /** How long until the first of these deployments is free of its provider-requested wait. */
    Optional<Duration> earliestRetry(Collection<Deployment> deployments) {
        Instant now = clock.instant();
        return deployments.stream()
                .map(d -> cooldowns.endOf(d.id()))
                .flatMap(Optional::stream)
                .min(Instant::compareTo)
                .map(end -> Duration.between(now, end));
    }
}
