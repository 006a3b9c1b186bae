package io.aigw.scaler.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The per-metric part of the Kubernetes HPA ({@code replica_calculator.go}): desired = ceil(ready
 * pods × usage / target), nothing within the tolerance, and the conservative treatment of pods
 * without metrics (0 % of target on a scale-up, 100 % on a scale-down) and of pods not ready yet
 * (0 % on a scale-up). A result that would flip the direction once the gaps are filled in keeps the
 * current count.
 */
public final class ReplicaCalculator {

    private ReplicaCalculator() {}

    public static MetricProposal propose(
            MetricTarget target, Reading reading, int currentReplicas, List<Pod> pods, double tolerance) {
        // Java 17: no pattern matching for switch yet
        if (reading instanceof Reading.Whole whole) {
            return whole(target, whole.value(), currentReplicas, pods, tolerance);
        }
        if (reading instanceof Reading.PerPod perPod) {
            return perPod(target, perPod, currentReplicas, pods, tolerance);
        }
        return MetricProposal.invalid(target, ((Reading.Missing) reading).why());
    }

    private static MetricProposal whole(
            MetricTarget target, double value, int currentReplicas, List<Pod> pods, double tolerance) {
        if (!Double.isFinite(value) || value < 0) {
            return MetricProposal.invalid(target, "not a usable value: " + value);
        }
        double ratio = value / target.target();
        if (currentReplicas == 0) {
            return proposal(target, value, (int) Math.ceil(ratio), "no replicas");
        }
        if (Math.abs(1.0 - ratio) <= tolerance) {
            return proposal(target, value, currentReplicas, "within tolerance");
        }
        long ready = pods.stream().filter(Pod::ready).count();
        if (ready == 0) {
            return MetricProposal.invalid(target, "no ready pods");
        }
        return proposal(target, value, (int) Math.ceil(ratio * ready), "ratio " + round(ratio) + " of " + ready);
    }

    private static MetricProposal perPod(
            MetricTarget target, Reading.PerPod reading, int currentReplicas, List<Pod> pods, double tolerance) {
        List<Double> readyValues = new ArrayList<>();
        int unready = 0;
        int missing = 0;
        for (Pod pod : pods) {
            if (!pod.ready()) {
                unready++;
                continue;
            }
            Double value = reading.values().get(pod.name());
            if (value == null || !Double.isFinite(value) || value < 0) {
                missing++;
            } else {
                readyValues.add(value);
            }
        }
        if (readyValues.isEmpty()) {
            return MetricProposal.invalid(target, "no metrics for ready pods");
        }
        double t = target.target();
        double usage = average(readyValues);
        double ratio = usage / t;
        boolean scaleUpWithUnready = unready > 0 && ratio > 1.0;
        if (!scaleUpWithUnready && missing == 0) {
            if (Math.abs(1.0 - ratio) <= tolerance) {
                return proposal(target, usage, currentReplicas, "within tolerance");
            }
            return proposal(
                    target,
                    usage,
                    (int) Math.ceil(ratio * readyValues.size()),
                    "ratio " + round(ratio) + " of " + readyValues.size() + " ready");
        }
        List<Double> filled = new ArrayList<>(readyValues);
        for (int i = 0; i < missing; i++) {
            filled.add(ratio < 1.0 ? t : 0.0);
        }
        if (scaleUpWithUnready) {
            for (int i = 0; i < unready; i++) {
                filled.add(0.0);
            }
        }
        double newRatio = average(filled) / t;
        String note = missing + " missing, " + unready + " not ready; ratio " + round(ratio) + " -> " + round(newRatio);
        if (Math.abs(1.0 - newRatio) <= tolerance
                || (ratio < 1.0 && newRatio > 1.0)
                || (ratio > 1.0 && newRatio < 1.0)) {
            return proposal(target, usage, currentReplicas, note + ", hold");
        }
        int replicas = (int) Math.ceil(newRatio * filled.size());
        if ((newRatio < 1.0 && replicas > currentReplicas) || (newRatio > 1.0 && replicas < currentReplicas)) {
            return proposal(target, usage, currentReplicas, note + ", hold (direction)");
        }
        return proposal(target, usage, replicas, note);
    }

    private static MetricProposal proposal(MetricTarget target, double usage, int replicas, String note) {
        return new MetricProposal(target.signal(), target.target(), usage, replicas, note);
    }

    private static double average(List<Double> values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.size();
    }

    private static String round(double value) {
        return String.format(java.util.Locale.ROOT, "%.3f", value);
    }
}
