package io.aigw.routing.application;

import io.aigw.routing.domain.DeploymentId;
import java.time.Duration;

/**
 * One circuit breaker per deployment. An open breaker takes the deployment out of route plans; after a
 * wait, a few probe calls decide whether it closes again.
 */
public interface CircuitBreakers {

    /** Whether the breaker is open (not half-open): the planner skips the deployment. */
    boolean isOpen(DeploymentId id);

    /** Asks for a call; false when the breaker does not allow one now (e.g. half-open probes used up). */
    boolean tryAcquire(DeploymentId id);

    /**
     * A call that answered; {@code latency} is the time to first token for streams, so slow starts count
     * as slow calls.
     */
    void onSuccess(DeploymentId id, Duration latency);

    /** A call that failed in a way that says something about the provider (5xx, 429, timeout). */
    void onFailure(DeploymentId id, Duration latency, Throwable error);

    /** A call that failed through no fault of the provider (the client's own 400): not judged. */
    void release(DeploymentId id);
}
