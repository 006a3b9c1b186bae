package io.aigw.routing.adapter.out.resilience4j;

import io.aigw.routing.application.CircuitBreakers;
import io.aigw.routing.domain.DeploymentId;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A Resilience4j breaker per deployment, and its state as the gauge {@code aigw_circuit_state}
 * (0 closed, 1 open, 2 half-open).
 */
public class Resilience4jCircuitBreakers implements CircuitBreakers {

    private final CircuitBreakerRegistry registry;
    private final MeterRegistry meters;

    public Resilience4jCircuitBreakers(CircuitBreakerConfig config, MeterRegistry meters) {
        this.registry = CircuitBreakerRegistry.of(config);
        this.meters = meters;
    }

    private CircuitBreaker breaker(DeploymentId id) {
        return registry.find(id.toString()).orElseGet(() -> create(id));
    }

    private synchronized CircuitBreaker create(DeploymentId id) {
        return registry.find(id.toString()).orElseGet(() -> {
            CircuitBreaker breaker = registry.circuitBreaker(id.toString());
            Gauge.builder("aigw_circuit_state", breaker, b -> stateValue(b.getState()))
                    .description("Circuit breaker state per deployment: 0 closed, 1 open, 2 half-open")
                    .tag("provider", id.provider())
                    .tag("model", id.model())
                    .register(meters);
            return breaker;
        });
    }

    private static double stateValue(CircuitBreaker.State state) {
        return switch (state) {
            case OPEN, FORCED_OPEN -> 1;
            case HALF_OPEN -> 2;
            default -> 0;
        };
    }

    @Override
    public boolean isOpen(DeploymentId id) {
        CircuitBreaker.State state = breaker(id).getState();
        return state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN;
    }

    @Override
    public boolean tryAcquire(DeploymentId id) {
        return breaker(id).tryAcquirePermission();
    }

    @Override
    public void onSuccess(DeploymentId id, Duration latency) {
        breaker(id).onSuccess(latency.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void onFailure(DeploymentId id, Duration latency, Throwable error) {
        breaker(id).onError(latency.toNanos(), TimeUnit.NANOSECONDS, error);
    }

    @Override
    public void release(DeploymentId id) {
        breaker(id).releasePermission();
    }
}
