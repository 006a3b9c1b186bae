package io.aigw.billing.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Where a tenant with a monthly budget stands this month.
 *
 * @param tenantId the tenant
 * @param monthlyBudgetUsd its plan's budget for the calendar month (UTC)
 * @param spentUsd what its requests cost so far this month (settled; open holds not included)
 */
public record BudgetStanding(String tenantId, BigDecimal monthlyBudgetUsd, BigDecimal spentUsd) {

    public BudgetStanding {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(monthlyBudgetUsd, "monthlyBudgetUsd");
        Objects.requireNonNull(spentUsd, "spentUsd");
    }
}
