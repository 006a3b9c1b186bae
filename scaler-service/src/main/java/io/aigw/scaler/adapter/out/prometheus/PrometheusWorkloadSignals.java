package io.aigw.scaler.adapter.out.prometheus;

import io.aigw.scaler.application.WorkloadSignals;
import io.aigw.scaler.domain.Pod;
import io.aigw.scaler.domain.Reading;
import io.aigw.scaler.domain.Signal;
import java.io.IOException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Signals from Prometheus (PromQL), per pod by the {@code pod} label that Kubernetes service
 * discovery adds, each workload selected by its {@code application} tag:
 *
 * <pre>
 * request rate  sum by (pod) (rate(http_server_requests_seconds_count{application="A",uri!~"/actuator.*"}[W]))
 * CPU           max by (pod) (process_cpu_usage{application="A"})
 * in flight     sum by (pod) (http_server_requests_active_seconds_active_count{application="A",uri!~"/actuator.*"})
 * p95 latency   histogram_quantile(0.95, sum by (le) (rate(H_bucket{application="A"}[W])))
 * </pre>
 *
 * A failed or empty query is a missing reading.
 */
public final class PrometheusWorkloadSignals implements WorkloadSignals {

    /**
     * @param application the {@code application} tag of the workload's service
     * @param latencyHistogram the histogram for p95, or null for none
     */
    public record Query(String application, String latencyHistogram) {}

    private final PrometheusApi api;
    private final Map<String, Query> queries;
    private final String window;
    private final String podLabel;

    public PrometheusWorkloadSignals(PrometheusApi api, Map<String, Query> queries, String window, String podLabel) {
        this.api = api;
        this.queries = Map.copyOf(queries);
        this.window = window;
        this.podLabel = podLabel;
    }

    @Override
    public Observed observe(String workload, List<Pod> pods) {
        Query q = queries.get(workload);
        Map<Signal, Reading> readings = new EnumMap<>(Signal.class);
        if (q == null) {
            return new Observed(readings, OptionalDouble.empty());
        }
        String app = "application=\"" + q.application() + "\"";
        String notActuator = app + ",uri!~\"/actuator.*\"";
        Reading rate = perPod("sum by (" + podLabel + ") (rate(http_server_requests_seconds_count{" + notActuator + "}["
                + window + "]))");
        readings.put(Signal.REQUEST_RATE, rate);
        readings.put(Signal.CPU, perPod("max by (" + podLabel + ") (process_cpu_usage{" + app + "})"));
        readings.put(
                Signal.IN_FLIGHT,
                perPod("sum by (" + podLabel + ") (http_server_requests_active_seconds_active_count{" + notActuator
                        + "})"));
        if (q.latencyHistogram() != null) {
            readings.put(
                    Signal.LATENCY_P95,
                    whole("histogram_quantile(0.95, sum by (le) (rate(" + q.latencyHistogram() + "_bucket{" + app + "}["
                            + window + "])))"));
        }
        OptionalDouble total = rate instanceof Reading.PerPod p
                ? OptionalDouble.of(p.values().values().stream()
                        .mapToDouble(Double::doubleValue)
                        .sum())
                : OptionalDouble.empty();
        return new Observed(readings, total);
    }

    private Reading perPod(String promql) {
        try {
            Map<String, Double> values = new HashMap<>();
            for (PrometheusApi.Series s : api.query(promql)) {
                String pod = s.labels().get(podLabel);
                if (pod != null && Double.isFinite(s.value())) {
                    values.put(pod, s.value());
                }
            }
            return values.isEmpty() ? new Reading.Missing("empty: " + promql) : new Reading.PerPod(values);
        } catch (IOException | RuntimeException e) {
            return new Reading.Missing("Prometheus: " + e.getMessage());
        }
    }

    private Reading whole(String promql) {
        try {
            List<PrometheusApi.Series> result = api.query(promql);
            if (result.isEmpty() || !Double.isFinite(result.get(0).value())) {
                return new Reading.Missing("empty: " + promql);
            }
            return new Reading.Whole(result.get(0).value());
        } catch (IOException | RuntimeException e) {
            return new Reading.Missing("Prometheus: " + e.getMessage());
        }
    }
}
