package io.aigw.billing.adapter.out.micrometer;

import io.aigw.billing.application.BudgetEvents;
import io.aigw.billing.domain.BudgetStanding;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code aigw_budget_holds_total{result}}, {@code aigw_budget_alerts_total{tenant,threshold}} plus a
 * WARN line per alert, and per budgeted tenant {@code aigw_budget_monthly_usd{tenant}} and {@code
 * aigw_budget_spent_usd{tenant}} (month to date), which the budget alert rules divide. The tenant label
 * is bounded by the number of tenants with a budget, and an operator must tell them apart. The gauges and
 * the alert counters (at zero, one per configured threshold) are registered as soon as a tenant's
 * standing is first known, so rules and panels see them before the first alert; a tenant that loses its
 * budget loses its gauges.
 */
public class MicrometerBudgetEvents implements BudgetEvents {

    private static final Logger log = LoggerFactory.getLogger(MicrometerBudgetEvents.class);

    private final MeterRegistry registry;
    private final List<Integer> thresholds;
    private final Counter granted;
    private final Counter refused;
    private final Map<String, Standing> standings = new ConcurrentHashMap<>();

    /** @param thresholds the alert thresholds (percent), whose counters start at zero per tenant */
    public MicrometerBudgetEvents(MeterRegistry registry, List<Integer> thresholds) {
        this.registry = registry;
        this.thresholds = List.copyOf(thresholds);
        this.granted = holds(registry, "granted");
        this.refused = holds(registry, "refused");
    }

    private static Counter holds(MeterRegistry registry, String result) {
        return Counter.builder("aigw.budget.holds")
                .description("Budget holds placed for requests, by result")
                .tag("result", result)
                .register(registry);
    }

    private Counter alerts(String tenantId, int thresholdPercent) {
        return Counter.builder("aigw.budget.alerts")
                .description("Budget alerts: a tenant's month spend reached a threshold of its budget")
                .tag("tenant", tenantId)
                .tag("threshold", Integer.toString(thresholdPercent))
                .register(registry);
    }

    @Override
    public void held(boolean wasGranted) {
        (wasGranted ? granted : refused).increment();
    }

    @Override
    public void reached(
            String tenantId, YearMonth month, int thresholdPercent, BigDecimal spentUsd, BigDecimal budgetUsd) {
        alerts(tenantId, thresholdPercent).increment();
        log.warn(
                "Budget alert: tenant {} has spent {} USD of its {} USD budget for {} ({}% reached)",
                tenantId, spentUsd.toPlainString(), budgetUsd.toPlainString(), month, thresholdPercent);
    }

    @Override
    public void standings(List<BudgetStanding> current) {
        Set<String> seen = new HashSet<>();
        for (BudgetStanding standing : current) {
            seen.add(standing.tenantId());
            standings
                    .computeIfAbsent(standing.tenantId(), tenant -> register(standing))
                    .value
                    .set(standing);
        }
        for (String tenant : new ArrayList<>(standings.keySet())) {
            if (!seen.contains(tenant)) {
                standings.remove(tenant).meters.forEach(registry::remove);
            }
        }
    }

    private Standing register(BudgetStanding first) {
        AtomicReference<BudgetStanding> value = new AtomicReference<>(first);
        String tenant = first.tenantId();
        List<Meter> meters = new ArrayList<>();
        meters.add(Gauge.builder("aigw.budget.monthly.usd", value, v -> v.get()
                        .monthlyBudgetUsd()
                        .doubleValue())
                .description("The tenant's monthly budget (its plan's), USD")
                .tag("tenant", tenant)
                .register(registry));
        meters.add(Gauge.builder(
                        "aigw.budget.spent.usd", value, v -> v.get().spentUsd().doubleValue())
                .description("What the tenant spent this calendar month (UTC) so far, USD; open holds not included")
                .tag("tenant", tenant)
                .register(registry));
        // the counters stay when the budget goes: a counter that vanished would read as a reset
        thresholds.forEach(threshold -> alerts(tenant, threshold));
        return new Standing(value, meters);
    }

    private record Standing(AtomicReference<BudgetStanding> value, List<Meter> meters) {}
}
