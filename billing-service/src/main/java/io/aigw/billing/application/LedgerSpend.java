package io.aigw.billing.application;

import java.math.BigDecimal;
import java.time.YearMonth;

/** The ledger's spend of a tenant in a month; blocking. */
public interface LedgerSpend {

    BigDecimal spent(String tenantId, YearMonth month);
}
