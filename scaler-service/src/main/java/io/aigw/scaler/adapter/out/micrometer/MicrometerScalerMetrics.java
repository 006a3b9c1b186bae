package io.aigw.scaler.adapter.out.micrometer;

import io.aigw.scaler.application.ScalerMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code aigw_scaler_desired_replicas{workload}}, {@code aigw_scaler_current_replicas{workload}},
 * {@code aigw_scaler_policy_version}, {@code aigw_scaler_decisions_total{workload,reason}} and
 * {@code aigw_scaler_errors_total{where}}. Labels are bounded: the configured workloads, the rule
 * names, a handful of places.
 */
public final class MicrometerScalerMetrics implements ScalerMetrics {

    private final MeterRegistry registry;
    private final Map<String, AtomicInteger> desired = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> current = new ConcurrentHashMap<>();
    private final AtomicLong policyVersion = new AtomicLong();

    public MicrometerScalerMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("aigw.scaler.policy.version", policyVersion, AtomicLong::get)
                .description("version of the routing policy this scaler last published")
                .register(registry);
        Counter.builder("aigw.scaler.errors").tag("where", "workload").register(registry);
    }

    @Override
    public void replicas(String workload, int currentReplicas, int desiredReplicas) {
        gauge(current, "aigw.scaler.current.replicas", workload).set(currentReplicas);
        gauge(desired, "aigw.scaler.desired.replicas", workload).set(desiredReplicas);
    }

    @Override
    public void decision(String workload, String rule) {
        Counter.builder("aigw.scaler.decisions")
                .description("scaler decisions by workload and the rule that settled them")
                .tag("workload", workload)
                .tag("reason", rule)
                .register(registry)
                .increment();
    }

    @Override
    public void policyVersion(long version) {
        policyVersion.set(version);
    }

    @Override
    public void error(String where) {
        Counter.builder("aigw.scaler.errors")
                .description("failed reads, writes and publishes of the scaler loop")
                .tag("where", where)
                .register(registry)
                .increment();
    }

    private AtomicInteger gauge(Map<String, AtomicInteger> gauges, String name, String workload) {
        return gauges.computeIfAbsent(workload, w -> {
            AtomicInteger value = new AtomicInteger();
            Gauge.builder(name, value, AtomicInteger::get).tag("workload", w).register(registry);
            return value;
        });
    }
}
