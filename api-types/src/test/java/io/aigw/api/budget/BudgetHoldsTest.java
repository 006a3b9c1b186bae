package io.aigw.api.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class BudgetHoldsTest {

    @Test
    void shouldRoundAnAmountUpToTheNextNanoDollar() {
        assertThat(BudgetHolds.nanos(new BigDecimal("0.0000000001"))).isEqualTo(1);
        assertThat(BudgetHolds.nanos(new BigDecimal("1.5"))).isEqualTo(1_500_000_000L);
    }

    @Test
    void shouldKeepOneTenantsKeysInOneClusterSlotAndNameTheMonthInTheHoldId() {
        YearMonth month = BudgetHolds.monthOf(Instant.parse("2026-11-30T23:59:59Z"));

        assertThat(BudgetHolds.monthKeys("acme", month))
                .containsExactly(
                        "aigw:budget:{acme}:2026-11",
                        "aigw:budget:{acme}:2026-11:holds",
                        "aigw:budget:{acme}:2026-11:expiry");
        assertThat(BudgetHolds.limitKey("acme")).isEqualTo("aigw:budget:{acme}:limit");
        assertThat(BudgetHolds.holdId("acme", month, new byte[16]))
                .isEqualTo("h-acme-2026-11-00000000000000000000000000000000");
    }

    @Test
    void shouldShipTheHoldScriptWithItsSharedHead() {
        String script = BudgetHolds.script("budget-hold.lua");

        assertThat(script).contains("ZRANGEBYSCORE").contains("'lookup'");
    }
}
