package io.aigw.billing.adapter.out.jdbc;

import io.aigw.billing.application.LedgerSpend;
import java.math.BigDecimal;
import java.time.YearMonth;
import org.springframework.jdbc.core.JdbcTemplate;

/** A tenant's month spend summed from {@code usage_ledger}, to start a budget counter from. */
public class JdbcLedgerSpend implements LedgerSpend {

    private final JdbcTemplate jdbc;

    public JdbcLedgerSpend(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public BigDecimal spent(String tenantId, YearMonth month) {
        return jdbc.queryForObject(
                "SELECT COALESCE(SUM(cost_usd), 0) FROM usage_ledger WHERE tenant_id = ? AND usage_day BETWEEN ? AND ?",
                BigDecimal.class,
                tenantId,
                month.atDay(1),
                month.atEndOfMonth());
    }
}
