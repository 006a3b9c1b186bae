package io.aigw.scaler.adapter.out.standalone;

import io.aigw.scaler.application.ScaleState;
import io.aigw.scaler.application.ScalerException;
import io.aigw.scaler.application.WorkloadScaler;
import io.aigw.scaler.domain.Pod;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Outside Kubernetes (the one-command run, compose): the workloads are the configured instances and
 * cannot be scaled, so this is always dry-run. Every decision is computed and recorded, nothing is
 * changed. Instances count as ready; one that does not answer its scrape has missing metrics.
 */
public final class StaticWorkloadScaler implements WorkloadScaler {

    private final Map<String, List<String>> instances;

    /**
     * @param instances workload → its instances' base URLs (they are also the pod names)
     */
    public StaticWorkloadScaler(Map<String, List<String>> instances) {
        this.instances = Map.copyOf(instances);
    }

    @Override
    public ScaleState read(String workload) throws ScalerException {
        List<String> urls = instances.get(workload);
        if (urls == null) {
            throw new ScalerException.Refused("no instances configured for " + workload, null);
        }
        List<Pod> pods = urls.stream().map(u -> new Pod(u, true)).toList();
        return new ScaleState(workload, pods.size(), pods, "static", Optional.empty());
    }

    @Override
    public void scale(ScaleState basis, int replicas) {
        // dry-run by construction: there is nothing to scale
    }

    @Override
    public boolean acts() {
        return false;
    }
}
