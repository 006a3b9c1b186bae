package io.aigw.e2e.reliability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Samples one metric of several services every 500 ms in the background (e.g. live JVM threads), so
 * a test can compare its peak during a fault with its peak before.
 */
final class Sampler implements AutoCloseable {

    record Sample(String service, double value, long at) {}

    private final String metric;
    private final Map<String, String> services;
    private final List<Sample> samples = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    /** @param services name → base URL */
    Sampler(String metric, Map<String, String> services) {
        this.metric = metric;
        this.services = new LinkedHashMap<>(services);
        thread = new Thread(this::run, "sampler-" + metric);
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (running) {
            services.forEach((name, url) -> {
                OptionalDouble value = Gateway.metricIfUp(url, metric, "");
                if (value.isPresent()) {
                    synchronized (this) {
                        samples.add(new Sample(name, value.getAsDouble(), System.nanoTime()));
                    }
                }
            });
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Per service, the highest value seen in [from, to); services without a sample are left out. */
    synchronized Map<String, Object> peak(long from, long to) {
        Map<String, Object> peaks = new LinkedHashMap<>();
        for (String service : services.keySet()) {
            samples.stream()
                    .filter(s -> s.service().equals(service) && s.at() >= from && s.at() < to)
                    .mapToDouble(Sample::value)
                    .max()
                    .ifPresent(max -> peaks.put(service, (long) max));
        }
        return peaks;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
