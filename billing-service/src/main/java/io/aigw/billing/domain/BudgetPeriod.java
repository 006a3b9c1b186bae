package io.aigw.billing.domain;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

/** Budgets run per calendar month in UTC; a period is written {@code 2026-11}. */
public final class BudgetPeriod {

    private BudgetPeriod() {}

    public static YearMonth of(Instant instant) {
        return YearMonth.from(instant.atOffset(ZoneOffset.UTC));
    }
}
