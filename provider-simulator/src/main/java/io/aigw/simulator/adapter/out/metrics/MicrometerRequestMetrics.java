package io.aigw.simulator.adapter.out.metrics;

import io.aigw.simulator.application.RequestMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Publishes {@code aigw_simulator_requests_total{model,api,outcome}}; {@code model} is the profile name. */
public final class MicrometerRequestMetrics implements RequestMetrics {

    private final MeterRegistry registry;

    public MicrometerRequestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void record(String profile, String api, String outcome) {
        Counter.builder("aigw.simulator.requests")
                .description("Requests the provider simulator handled, by profile, API and outcome")
                .tag("model", profile)
                .tag("api", api)
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }
}
