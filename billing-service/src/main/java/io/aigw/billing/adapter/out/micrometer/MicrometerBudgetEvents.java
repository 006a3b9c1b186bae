package io.aigw.billing.adapter.out.micrometer;

import io.aigw.billing.application.BudgetEvents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.YearMonth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code aigw_budget_holds_total{result}} and {@code aigw_budget_alerts_total{tenant,threshold}} plus
 * a WARN line per alert. The tenant label is bounded by the number of tenants and appears only on
 * alerts, which an operator must be able to tell apart by tenant.
 */
public class MicrometerBudgetEvents implements BudgetEvents {

    private static final Logger log = LoggerFactory.getLogger(MicrometerBudgetEvents.class);

    private final MeterRegistry registry;
    private final Counter granted;
    private final Counter refused;

    public MicrometerBudgetEvents(MeterRegistry registry) {
        this.registry = registry;
        this.granted = holds(registry, "granted");
        this.refused = holds(registry, "refused");
    }

    private static Counter holds(MeterRegistry registry, String result) {
        return Counter.builder("aigw.budget.holds")
                .description("Budget holds placed for requests, by result")
                .tag("result", result)
                .register(registry);
    }

    @Override
    public void held(boolean wasGranted) {
        (wasGranted ? granted : refused).increment();
    }

    @Override
    public void reached(
            String tenantId, YearMonth month, int thresholdPercent, BigDecimal spentUsd, BigDecimal budgetUsd) {
        Counter.builder("aigw.budget.alerts")
                .description("Budget alerts: a tenant's month spend reached a threshold of its budget")
                .tag("tenant", tenantId)
                .tag("threshold", Integer.toString(thresholdPercent))
                .register(registry)
                .increment();
        log.warn(
                "Budget alert: tenant {} has spent {} USD of its {} USD budget for {} ({}% reached)",
                tenantId, spentUsd.toPlainString(), budgetUsd.toPlainString(), month, thresholdPercent);
    }
}
