package io.aigw.bench.scaler.domain;

import java.util.List;

/**
 * The simulation's knobs.
 *
 * @param capacityPerReplica requests per second one ready replica serves within the SLO
 * @param targetUtilization the HPA's request-rate target as a share of that capacity
 * @param intervalSeconds the control loop interval
 * @param metricWindowSeconds the rate window the loop sees (like PromQL {@code rate(…[30s])})
 * @param sloWindowSeconds the window in which arrivals are compared with capacity
 * @param startupDelays the pod start-up delays to run, in seconds
 * @param maxReplicas the HPA's maximum
 * @param alpha Holt level smoothing
 * @param beta Holt trend smoothing
 */
public record ReplayConfig(
        double capacityPerReplica,
        double targetUtilization,
        int intervalSeconds,
        int metricWindowSeconds,
        int sloWindowSeconds,
        List<Integer> startupDelays,
        int maxReplicas,
        double alpha,
        double beta) {

    public ReplayConfig {
        startupDelays = List.copyOf(startupDelays);
        if (capacityPerReplica <= 0 || targetUtilization <= 0 || targetUtilization > 1) {
            throw new IllegalArgumentException("capacity must be positive and utilization in (0, 1]");
        }
        for (int delay : startupDelays) {
            if (delay < 30 || delay > 300) {
                throw new IllegalArgumentException("start-up delay must be in [30, 300] s, got " + delay);
            }
        }
    }

    public static ReplayConfig defaults() {
        return new ReplayConfig(2.0, 0.7, 15, 30, 10, List.of(60, 180), 60, 0.5, 0.2);
    }

    public ReplayConfig withTargetUtilization(double utilization) {
        return new ReplayConfig(
                capacityPerReplica,
                utilization,
                intervalSeconds,
                metricWindowSeconds,
                sloWindowSeconds,
                startupDelays,
                maxReplicas,
                alpha,
                beta);
    }

    public double targetPerReplica() {
        return capacityPerReplica * targetUtilization;
    }
}
