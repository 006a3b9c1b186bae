package io.aigw.routing.application;

import io.aigw.routing.domain.Deployment;
import io.aigw.routing.domain.RoutingException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The breaker's permission for one call, judged once: a success, a failure, or given back unjudged.
 *
 * <p>A half-open breaker lets only a few calls through and stays half-open until each of them is
 * judged. A call cancelled before its outcome (the client hung up, the gateway dropped the connection)
 * must give its permission back, or a few hang-ups leave the breaker half-open, and the deployment out,
 * for good.
 */
final class BreakerPermit {

    private final DeploymentHealth health;
    private final Deployment deployment;
    private final AtomicBoolean judged = new AtomicBoolean();

    private BreakerPermit(DeploymentHealth health, Deployment deployment) {
        this.health = health;
        this.deployment = deployment;
    }

    /** The breaker's permission for a call to {@code deployment}, or empty when it refuses one. */
    static Optional<BreakerPermit> acquire(DeploymentHealth health, Deployment deployment) {
        return health.tryAcquire(deployment.id())
                ? Optional.of(new BreakerPermit(health, deployment))
                : Optional.empty();
    }

    void succeeded(Duration took) {
        if (judged.compareAndSet(false, true)) {
            health.succeeded(deployment, took);
        }
    }

    void failed(Duration took, RoutingException error) {
        if (judged.compareAndSet(false, true)) {
            health.failed(deployment, took, error);
        }
    }

    /** The call was not made, or says nothing about the deployment: the permission goes back. */
    void notJudged() {
        if (judged.compareAndSet(false, true)) {
            health.notJudged(deployment);
        }
    }
}
