package io.aigw.billing.application;

import java.math.BigDecimal;
import java.time.YearMonth;

/** What budgets report to operators (metrics and log lines). */
public interface BudgetEvents {

    /** A hold was granted or refused. */
    void held(boolean granted);

    /** Spend reached a threshold; told once per tenant, month and threshold. */
    void reached(String tenantId, YearMonth month, int thresholdPercent, BigDecimal spentUsd, BigDecimal budgetUsd);
}
