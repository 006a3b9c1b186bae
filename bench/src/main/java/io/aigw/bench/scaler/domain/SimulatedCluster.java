package io.aigw.bench.scaler.domain;

import io.aigw.scaler.domain.Pod;
import java.util.ArrayList;
import java.util.List;

/**
 * A Deployment as the simulation sees it: a replica count and pods that become ready
 * {@code startupSeconds} after they are created. A scale-down removes pods that are not ready
 * first, then the newest (as a ReplicaSet does).
 */
public final class SimulatedCluster {

    private final int startupSeconds;
    private final List<int[]> pods = new ArrayList<>(); // {id, readyAt}
    private int nextId;

    public SimulatedCluster(int initialReplicas, int startupSeconds) {
        this.startupSeconds = startupSeconds;
        for (int i = 0; i < initialReplicas; i++) {
            pods.add(new int[] {nextId++, 0});
        }
    }

    public int replicas() {
        return pods.size();
    }

    public int ready(int now) {
        int ready = 0;
        for (int[] pod : pods) {
            if (pod[1] <= now) {
                ready++;
            }
        }
        return ready;
    }

    public List<Pod> pods(int now) {
        List<Pod> list = new ArrayList<>();
        for (int[] pod : pods) {
            list.add(new Pod("pod-" + pod[0], pod[1] <= now));
        }
        return list;
    }

    public void scale(int replicas, int now) {
        while (pods.size() < replicas) {
            pods.add(new int[] {nextId++, now + startupSeconds});
        }
        while (pods.size() > replicas) {
            int victim = pods.size() - 1;
            for (int i = pods.size() - 1; i >= 0; i--) {
                if (pods.get(i)[1] > now) {
                    victim = i;
                    break;
                }
            }
            pods.remove(victim);
        }
    }
}
