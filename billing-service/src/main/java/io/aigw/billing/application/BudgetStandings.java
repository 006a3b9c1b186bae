package io.aigw.billing.application;

import io.aigw.billing.domain.BudgetPeriod;
import io.aigw.billing.domain.BudgetStanding;
import io.aigw.billing.domain.NanoUsd;
import io.aigw.billing.domain.Plan;
import io.aigw.billing.domain.Tenant;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every tenant with a monthly budget, with what it spent this month: the month counter the budget
 * holds use (ADR 0022), or — while the month has none yet — the ledger's sum, which is what the counter
 * would start from. Tenants on a plan without a budget are left out: there is nothing to stand against.
 */
public final class BudgetStandings {

    private final TenantDirectory tenants;
    private final PlanCatalog plans;
    private final BudgetCounters counters;
    private final LedgerSpend ledger;
    private final Blocking blocking;
    private final Clock clock;

    public BudgetStandings(
            TenantDirectory tenants,
            PlanCatalog plans,
            BudgetCounters counters,
            LedgerSpend ledger,
            Blocking blocking,
            Clock clock) {
        this.tenants = tenants;
        this.plans = plans;
        this.counters = counters;
        this.ledger = ledger;
        this.blocking = blocking;
        this.clock = clock;
    }

    /** The budgeted tenants' standings now, ordered by tenant id. */
    public Mono<List<BudgetStanding>> read() {
        YearMonth month = BudgetPeriod.of(clock.instant());
        return blocking.call(this::budgets)
                .flatMapMany(Flux::fromIterable)
                .concatMap(budget -> spent(budget.getKey(), month)
                        .map(spent -> new BudgetStanding(budget.getKey(), budget.getValue(), spent)))
                .collectSortedList((a, b) -> a.tenantId().compareTo(b.tenantId()));
    }

    private List<Map.Entry<String, BigDecimal>> budgets() {
        Map<String, Plan> byName = plans.all().stream().collect(Collectors.toMap(Plan::name, Function.identity()));
        return tenants.all().stream()
                .filter(tenant -> budgetOf(tenant, byName) != null)
                .map(tenant -> Map.entry(tenant.id(), budgetOf(tenant, byName)))
                .toList();
    }

    private static BigDecimal budgetOf(Tenant tenant, Map<String, Plan> plans) {
        Plan plan = plans.get(tenant.plan());
        return plan == null ? null : plan.monthlyBudgetUsd().orElse(null);
    }

    private Mono<BigDecimal> spent(String tenantId, YearMonth month) {
        return counters.spent(tenantId, month)
                .map(NanoUsd::toUsd)
                .switchIfEmpty(blocking.call(() -> ledger.spent(tenantId, month)));
    }
}
