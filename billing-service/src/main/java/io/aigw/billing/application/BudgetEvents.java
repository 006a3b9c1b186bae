package io.aigw.billing.application;

import io.aigw.billing.domain.BudgetStanding;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/** What budgets report to operators (metrics and log lines). */
public interface BudgetEvents {

    /** A hold was granted or refused. */
    void held(boolean granted);

    /** Spend reached a threshold; told once per tenant, month and threshold. */
    void reached(String tenantId, YearMonth month, int thresholdPercent, BigDecimal spentUsd, BigDecimal budgetUsd);

    /** Where every budgeted tenant stands now; a tenant missing from the list no longer has a budget. */
    void standings(List<BudgetStanding> standings);
}
