package io.aigw.scaler.adapter.out.scrape;

import io.aigw.scaler.application.PolicySignals;
import io.aigw.scaler.domain.policy.PolicyInputs;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Policy signals from a direct scrape of the routing instances: the rate of {@code aigw_cost_usd_total},
 * and per provider the failed share of {@code aigw_upstream_duration_seconds_count} (outcome other
 * than success) and the mean of {@code aigw_time_to_first_token_seconds} over the interval. Until
 * every instance has two scrapes, everything is unknown.
 */
public final class ActuatorScrapePolicySignals implements PolicySignals {

    private record Totals(double cost, Map<String, double[]> providers) {} // {calls, failed, ttftSum, ttftCount}

    private final Scraper scraper;
    private final Clock clock;
    private final List<String> routingInstances;
    private Totals last;
    private Instant lastAt;

    public ActuatorScrapePolicySignals(Scraper scraper, Clock clock, List<String> routingInstances) {
        this.scraper = scraper;
        this.clock = clock;
        this.routingInstances = List.copyOf(routingInstances);
    }

    @Override
    public synchronized PolicyInputs observe() {
        Instant now = clock.instant();
        double cost = 0;
        Map<String, double[]> providers = new HashMap<>();
        for (String instance : routingInstances) {
            var scraped = scraper.scrape(instance);
            if (scraped.isEmpty()) {
                last = null;
                return new PolicyInputs(now, OptionalDouble.empty(), Map.of());
            }
            for (PrometheusText.Sample s : scraped.get()) {
                String provider = s.labels().get("provider");
                switch (s.name()) {
                    case "aigw_cost_usd_total" -> cost += s.value();
                    case "aigw_upstream_duration_seconds_count" -> {
                        double[] p = providers.computeIfAbsent(provider, k -> new double[4]);
                        p[0] += s.value();
                        if (!"success".equals(s.labels().get("outcome"))) {
                            p[1] += s.value();
                        }
                    }
                    case "aigw_time_to_first_token_seconds_sum" -> providers
                                    .computeIfAbsent(provider, k -> new double[4])[2] +=
                            s.value();
                    case "aigw_time_to_first_token_seconds_count" -> providers
                                    .computeIfAbsent(provider, k -> new double[4])[3] +=
                            s.value();
                    default -> {}
                }
            }
        }
        Totals current = new Totals(cost, providers);
        Totals before = last;
        Instant beforeAt = lastAt;
        last = current;
        lastAt = now;
        if (before == null || cost < before.cost() || !now.isAfter(beforeAt)) {
            return new PolicyInputs(now, OptionalDouble.empty(), Map.of());
        }
        double seconds = Duration.between(beforeAt, now).toMillis() / 1000.0;
        Map<String, PolicyInputs.ProviderHealth> health = new HashMap<>();
        for (Map.Entry<String, double[]> e : providers.entrySet()) {
            if (e.getKey() == null) {
                continue;
            }
            double[] now4 = e.getValue();
            double[] was = before.providers().getOrDefault(e.getKey(), new double[4]);
            double calls = now4[0] - was[0];
            double failed = now4[1] - was[1];
            double ttftCount = now4[3] - was[3];
            double errorRate = calls > 0 ? failed / calls : Double.NaN;
            double ttft = ttftCount > 0 ? (now4[2] - was[2]) / ttftCount : Double.NaN;
            if (Double.isFinite(errorRate) || Double.isFinite(ttft)) {
                health.put(e.getKey(), new PolicyInputs.ProviderHealth(errorRate, ttft));
            }
        }
        return new PolicyInputs(now, OptionalDouble.of((cost - before.cost()) / seconds), health);
    }
}
