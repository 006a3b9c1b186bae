package io.aigw.scaler.application;

import io.aigw.scaler.domain.Pod;
import java.util.List;
import java.util.Optional;

/**
 * A workload as the actuator sees it.
 *
 * @param workload the workload's name in the scaler's configuration
 * @param replicas its desired replicas now (the scale subresource's spec)
 * @param pods its pods
 * @param version the resource version the read saw; a write based on it fails on a newer one
 * @param managedBy another autoscaler targeting it ("HorizontalPodAutoscaler/x", "ScaledObject/y")
 */
public record ScaleState(String workload, int replicas, List<Pod> pods, String version, Optional<String> managedBy) {

    public ScaleState {
        pods = List.copyOf(pods);
    }
}
