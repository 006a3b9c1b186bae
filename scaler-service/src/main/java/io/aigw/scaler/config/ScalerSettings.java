package io.aigw.scaler.config;

import io.aigw.scaler.domain.ForecastSettings;
import io.aigw.scaler.domain.MetricTarget;
import io.aigw.scaler.domain.ScalingBehavior;
import io.aigw.scaler.domain.ScalingPolicy;
import io.aigw.scaler.domain.ScalingRules;
import io.aigw.scaler.domain.Signal;
import io.aigw.scaler.domain.WorkloadSpec;
import io.aigw.scaler.domain.policy.PolicySettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The properties turned into checked domain objects; a bad value fails start-up with its name. */
public record ScalerSettings(List<WorkloadSpec> specs, PolicySettings policy) {

    static ScalerSettings from(ScalerProperties p) {
        ScalerProperties.Behavior b = p.behavior();
        List<WorkloadSpec> specs = new ArrayList<>();
        for (Map.Entry<String, ScalerProperties.Workload> e : workloads(p).entrySet()) {
            String name = e.getKey();
            ScalerProperties.Workload w = e.getValue();
            try {
                ScalingBehavior behavior = new ScalingBehavior(
                        w.minReplicas(),
                        w.maxReplicas(),
                        b.tolerance(),
                        new ScalingRules(
                                b.scaleUpWindow(),
                                ScalingRules.Select.MAX,
                                List.of(
                                        ScalingPolicy.percent(b.scaleUpPercent(), b.scaleUpPeriod()),
                                        ScalingPolicy.pods(b.scaleUpPods(), b.scaleUpPeriod()))),
                        new ScalingRules(
                                b.scaleDownWindow(),
                                ScalingRules.Select.MAX,
                                List.of(ScalingPolicy.percent(b.scaleDownPercent(), b.scaleDownPeriod()))));
                List<MetricTarget> targets = new ArrayList<>();
                if (w.requestsPerSecond() != null) {
                    targets.add(new MetricTarget(Signal.REQUEST_RATE, w.requestsPerSecond()));
                }
                if (w.cpu() != null) {
                    targets.add(new MetricTarget(Signal.CPU, w.cpu()));
                }
                if (w.inFlight() != null) {
                    targets.add(new MetricTarget(Signal.IN_FLIGHT, w.inFlight()));
                }
                if (w.latencySlo() != null) {
                    targets.add(
                            new MetricTarget(Signal.LATENCY_P95, w.latencySlo().toMillis() / 1000.0));
                }
                Optional<ForecastSettings> forecast = p.forecast().enabled() && w.requestsPerSecond() != null
                        ? Optional.of(new ForecastSettings(
                                p.forecast().alpha(),
                                p.forecast().beta(),
                                p.forecast().horizon(),
                                p.interval()))
                        : Optional.empty();
                specs.add(new WorkloadSpec(name, behavior, targets, forecast));
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("aigw.scaler.workloads." + name + ": " + ex.getMessage(), ex);
            }
        }
        try {
            return new ScalerSettings(specs, ScalerConfiguration.policySettings(p.policy()));
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("aigw.scaler.policy: " + ex.getMessage(), ex);
        }
    }

    static Map<String, ScalerProperties.Workload> workloads(ScalerProperties p) {
        return p.workloads() == null ? Map.of() : new LinkedHashMap<>(p.workloads());
    }
}
