package io.aigw.scaler.adapter.out.prometheus;

import io.aigw.scaler.application.PolicySignals;
import io.aigw.scaler.domain.policy.PolicyInputs;
import java.io.IOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Policy signals from Prometheus: {@code sum(rate(aigw_cost_usd_total[W]))}; per provider the failed
 * share of {@code aigw_upstream_duration_seconds_count} and the mean {@code aigw_time_to_first_token_seconds}.
 */
public final class PrometheusPolicySignals implements PolicySignals {

    private final PrometheusApi api;
    private final Clock clock;
    private final String window;

    public PrometheusPolicySignals(PrometheusApi api, Clock clock, String window) {
        this.api = api;
        this.clock = clock;
        this.window = window;
    }

    @Override
    public PolicyInputs observe() {
        OptionalDouble spend = OptionalDouble.empty();
        Map<String, PolicyInputs.ProviderHealth> providers = new HashMap<>();
        try {
            var cost = api.query("sum(rate(aigw_cost_usd_total[" + window + "]))");
            if (!cost.isEmpty() && Double.isFinite(cost.get(0).value())) {
                spend = OptionalDouble.of(cost.get(0).value());
            }
            Map<String, Double> errors = byProvider(
                    "sum by (provider) (rate(aigw_upstream_duration_seconds_count{outcome!=\"success\"}[" + window
                            + "])) / sum by (provider) (rate(aigw_upstream_duration_seconds_count[" + window + "]))");
            Map<String, Double> ttft =
                    byProvider("sum by (provider) (rate(aigw_time_to_first_token_seconds_sum[" + window
                            + "])) / sum by (provider) (rate(aigw_time_to_first_token_seconds_count[" + window + "]))");
            java.util.Set<String> names = new java.util.HashSet<>(errors.keySet());
            names.addAll(ttft.keySet());
            for (String name : names) {
                providers.put(
                        name,
                        new PolicyInputs.ProviderHealth(
                                errors.getOrDefault(name, Double.NaN), ttft.getOrDefault(name, Double.NaN)));
            }
        } catch (IOException | RuntimeException e) {
            return new PolicyInputs(clock.instant(), OptionalDouble.empty(), Map.of());
        }
        return new PolicyInputs(clock.instant(), spend, providers);
    }

    private Map<String, Double> byProvider(String promql) throws IOException {
        Map<String, Double> values = new HashMap<>();
        for (PrometheusApi.Series s : api.query(promql)) {
            String provider = s.labels().get("provider");
            if (provider != null) {
                values.put(provider, s.value());
            }
        }
        return values;
    }
}
