package io.aigw.e2e.reliability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Polls one deployment's {@code aigw_circuit_state} on every routing replica (0 closed, 1 open, 2
 * half-open) every 100 ms in the background and keeps each change, as an operator's dashboard would
 * see them.
 */
final class BreakerWatch implements AutoCloseable {

    record Change(int replica, int from, int to, long at) {}

    private final String model;
    private final List<String> replicas;
    private final int[] last;
    private final List<Change> changes = new ArrayList<>();
    private final Thread poller;
    private volatile boolean running = true;

    BreakerWatch(String model, List<String> replicas) {
        this.model = model;
        this.replicas = List.copyOf(replicas);
        this.last = new int[replicas.size()];
        for (int i = 0; i < last.length; i++) {
            last[i] = state(i);
        }
        poller = new Thread(this::poll, "breaker-watch");
        poller.setDaemon(true);
        poller.start();
    }

    private void poll() {
        while (running) {
            for (int i = 0; i < replicas.size(); i++) {
                int now = state(i);
                synchronized (this) {
                    if (now != last[i]) {
                        changes.add(new Change(i, last[i], now, System.nanoTime()));
                        last[i] = now;
                    }
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The state on one replica now; 0 before the deployment's first call and when the replica is away. */
    private int state(int replica) {
        OptionalDouble state =
                Gateway.metricIfUp(replicas.get(replica), "aigw_circuit_state", "model=\"" + model + "\"");
        return (int) state.orElse(0);
    }

    synchronized List<Change> changesSince(long since) {
        return changes.stream().filter(c -> c.at() >= since).toList();
    }

    /** Whether the breaker is closed on every replica now. */
    synchronized boolean allClosed() {
        for (int state : last) {
            if (state != 0) {
                return false;
            }
        }
        return true;
    }

    /** Opened, half-opened and closed transitions since a time, summed over the replicas. */
    Map<String, Object> summary(long since) {
        List<Change> seen = changesSince(since);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("opened", seen.stream().filter(c -> c.to() == 1).count());
        summary.put("half_opened", seen.stream().filter(c -> c.to() == 2).count());
        summary.put("closed", seen.stream().filter(c -> c.to() == 0).count());
        return summary;
    }

    @Override
    public void close() {
        running = false;
        poller.interrupt();
    }
}
