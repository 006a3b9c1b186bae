package io.aigw.scaler.adapter.out.scrape;

import io.aigw.scaler.application.WorkloadSignals;
import io.aigw.scaler.domain.Pod;
import io.aigw.scaler.domain.Reading;
import io.aigw.scaler.domain.Signal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signals from a direct scrape of every instance's {@code /actuator/prometheus} (the one-command run
 * and compose, where there is no Prometheus). Counters become rates from two scrapes: the first
 * scrape of an instance, a counter reset (restart) or a failed scrape leaves it without metrics for
 * that interval, which the algorithm treats conservatively.
 *
 * <ul>
 *   <li>request rate: {@code http_server_requests_seconds_count}, actuator URIs left out
 *   <li>CPU: {@code process_cpu_usage}
 *   <li>in flight: {@code http_server_requests_active_seconds_active_count}, when the instance has it
 *   <li>p95 latency: the configured histogram's {@code _bucket} series (e.g. routing's
 *       {@code aigw_request_duration_seconds}), merged over instances
 * </ul>
 */
public final class ActuatorScrapeWorkloadSignals implements WorkloadSignals {

    static final String REQUESTS = "http_server_requests_seconds_count";
    static final String ACTIVE = "http_server_requests_active_seconds_active_count";
    static final String CPU = "process_cpu_usage";

    private record Snapshot(Instant at, double requests, Map<Double, Double> buckets) {}

    private final Scraper scraper;
    private final Clock clock;
    private final Map<String, String> latencyHistograms;
    private final Map<String, Snapshot> previous = new ConcurrentHashMap<>();

    /**
     * @param latencyHistograms workload → histogram base name for p95 (absent: no latency signal)
     */
    public ActuatorScrapeWorkloadSignals(Scraper scraper, Clock clock, Map<String, String> latencyHistograms) {
        this.scraper = scraper;
        this.clock = clock;
        this.latencyHistograms = Map.copyOf(latencyHistograms);
    }

    @Override
    public Observed observe(String workload, List<Pod> pods) {
        Map<String, Double> rates = new HashMap<>();
        Map<String, Double> cpu = new HashMap<>();
        Map<String, Double> active = new HashMap<>();
        Map<Double, Double> bucketDeltas = new HashMap<>();
        String histogram = latencyHistograms.get(workload);
        boolean allRates = true;
        for (Pod pod : pods) {
            var scraped = scraper.scrape(pod.name());
            Instant now = clock.instant();
            if (scraped.isEmpty()) {
                previous.remove(pod.name());
                allRates = false;
                continue;
            }
            double requests = 0;
            double activeCount = 0;
            boolean hasActive = false;
            Map<Double, Double> buckets = new HashMap<>();
            for (PrometheusText.Sample s : scraped.get()) {
                String uri = s.labels().getOrDefault("uri", "");
                if (s.name().equals(REQUESTS) && !uri.startsWith("/actuator")) {
                    requests += s.value();
                } else if (s.name().equals(CPU)) {
                    cpu.put(pod.name(), s.value());
                } else if (s.name().equals(ACTIVE) && !uri.startsWith("/actuator")) {
                    activeCount += s.value();
                    hasActive = true;
                } else if (histogram != null
                        && s.name().equals(histogram + "_bucket")
                        && s.labels().containsKey("le")) {
                    buckets.merge(le(s.labels().get("le")), s.value(), Double::sum);
                }
            }
            if (hasActive) {
                active.put(pod.name(), activeCount);
            }
            Snapshot last = previous.put(pod.name(), new Snapshot(now, requests, buckets));
            if (last == null || requests < last.requests() || !now.isAfter(last.at())) {
                allRates = false;
                continue;
            }
            double seconds = Duration.between(last.at(), now).toMillis() / 1000.0;
            rates.put(pod.name(), (requests - last.requests()) / seconds);
            for (Map.Entry<Double, Double> b : buckets.entrySet()) {
                double delta = b.getValue() - last.buckets().getOrDefault(b.getKey(), 0.0);
                if (delta >= 0) {
                    bucketDeltas.merge(b.getKey(), delta, Double::sum);
                }
            }
        }
        Map<Signal, Reading> readings = new EnumMap<>(Signal.class);
        readings.put(
                Signal.REQUEST_RATE,
                rates.isEmpty() ? new Reading.Missing("no two scrapes yet") : new Reading.PerPod(rates));
        readings.put(Signal.CPU, cpu.isEmpty() ? new Reading.Missing("no process_cpu_usage") : new Reading.PerPod(cpu));
        readings.put(
                Signal.IN_FLIGHT,
                active.isEmpty() ? new Reading.Missing("no " + ACTIVE + " series") : new Reading.PerPod(active));
        if (histogram != null) {
            double p95 = Histograms.quantile(0.95, bucketDeltas);
            readings.put(
                    Signal.LATENCY_P95,
                    Double.isFinite(p95)
                            ? new Reading.Whole(p95)
                            : new Reading.Missing("no " + histogram + " requests"));
        }
        OptionalDouble total = allRates && !rates.isEmpty()
                ? OptionalDouble.of(
                        rates.values().stream().mapToDouble(Double::doubleValue).sum())
                : OptionalDouble.empty();
        return new Observed(readings, total);
    }

    static double le(String text) {
        return text.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(text);
    }
}
