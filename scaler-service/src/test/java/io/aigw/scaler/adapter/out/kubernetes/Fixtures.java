package io.aigw.scaler.adapter.out.kubernetes;

import io.aigw.scaler.application.DecisionLog;
import io.aigw.scaler.application.DecisionRecord;
import io.aigw.scaler.application.ScalerMetrics;
import io.aigw.scaler.application.WorkloadSignals;
import io.aigw.scaler.domain.Autoscaler;
import io.aigw.scaler.domain.MetricTarget;
import io.aigw.scaler.domain.Pod;
import io.aigw.scaler.domain.Reading;
import io.aigw.scaler.domain.ScalingBehavior;
import io.aigw.scaler.domain.Signal;
import io.aigw.scaler.domain.WorkloadSpec;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CopyOnWriteArrayList;

/** Shared pieces of the Kubernetes adapter tests. */
final class Fixtures {

    static final String NAMESPACE = "aigw";
    static final String DEPLOYMENT = "aigw-routing";

    private Fixtures() {}

    static Deployment deployment(int replicas) {
        return new DeploymentBuilder()
                .withNewMetadata()
                .withName(DEPLOYMENT)
                .withNamespace(NAMESPACE)
                .endMetadata()
                .withNewSpec()
                .withReplicas(replicas)
                .withNewSelector()
                .addToMatchLabels("app", "routing")
                .endSelector()
                .withNewTemplate()
                .withNewMetadata()
                .addToLabels("app", "routing")
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("routing")
                .withImage("aigw/routing")
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build();
    }

    static io.fabric8.kubernetes.api.model.Pod readyPod(String name) {
        return new PodBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(NAMESPACE)
                .addToLabels("app", "routing")
                .endMetadata()
                .withNewStatus()
                .addNewCondition()
                .withType("Ready")
                .withStatus("True")
                .endCondition()
                .endStatus()
                .build();
    }

    /** Autoscaler for "routing": 10 req/s per replica, HPA defaults, 1..10. */
    static Autoscaler autoscaler(Clock clock) {
        return new Autoscaler(
                clock,
                List.of(new WorkloadSpec(
                        "routing",
                        ScalingBehavior.defaults(1, 10),
                        List.of(new MetricTarget(Signal.REQUEST_RATE, 10)),
                        Optional.empty())));
    }

    /** Every pod reports the same request rate. */
    static WorkloadSignals rate(double perPod) {
        return (workload, pods) -> {
            Map<String, Double> values = new HashMap<>();
            for (Pod pod : pods) {
                values.put(pod.name(), perPod);
            }
            return new WorkloadSignals.Observed(
                    Map.of(Signal.REQUEST_RATE, new Reading.PerPod(values)), OptionalDouble.of(perPod * pods.size()));
        };
    }

    static final class MemoryLog implements DecisionLog {
        final List<DecisionRecord> records = new CopyOnWriteArrayList<>();

        @Override
        public void record(DecisionRecord record) {
            records.add(record);
        }

        @Override
        public List<DecisionRecord> recent(int limit, Optional<String> workload) {
            List<DecisionRecord> copy = new ArrayList<>(records);
            java.util.Collections.reverse(copy);
            return copy.stream().limit(limit).toList();
        }
    }

    static final ScalerMetrics NO_METRICS = new ScalerMetrics() {
        @Override
        public void replicas(String workload, int current, int desired) {}

        @Override
        public void decision(String workload, String rule) {}

        @Override
        public void policyVersion(long version) {}

        @Override
        public void error(String where) {}
    };
}
