package io.aigw.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReportQueryTest {

    private static final LocalDate NOV_1 = LocalDate.parse("2026-11-01");

    @Test
    void shouldRefuseTheRangeWhenToIsBeforeFrom() {
        assertThatThrownBy(() -> new ReportQuery(NOV_1, NOV_1.minusDays(1), List.of(), Optional.empty()))
                .isInstanceOfSatisfying(BillingException.InvalidInput.class, e -> assertThat(e.field())
                        .isEqualTo("to"));
    }

    @Test
    void shouldRefuseTheRangeWhenLongerThanTheLimit() {
        assertThatThrownBy(
                        () -> new ReportQuery(NOV_1, NOV_1.plusDays(ReportQuery.MAX_DAYS), List.of(), Optional.empty()))
                .isInstanceOf(BillingException.InvalidInput.class);
    }

    @Test
    void shouldRefuseADimensionWhenNamedTwice() {
        assertThatThrownBy(() -> new ReportQuery(
                        NOV_1, NOV_1, List.of(ReportDimension.DAY, ReportDimension.DAY), Optional.empty()))
                .isInstanceOfSatisfying(BillingException.InvalidInput.class, e -> assertThat(e.field())
                        .isEqualTo("group_by"));
    }

    @Test
    void shouldParseDimensionsWhenGivenTheirWireNames() {
        assertThat(ReportDimension.parse(" tier")).isEqualTo(ReportDimension.TIER);
        assertThatThrownBy(() -> ReportDimension.parse("Tenant")).isInstanceOf(BillingException.InvalidInput.class);
    }

    @Test
    void shouldShowCentsAndNoMoreDigitsThanNeededWhenWritingTheHeadline() {
        UsageTotals totals = new UsageTotals(
                3,
                10,
                10,
                new BigDecimal("12.5"),
                1,
                new BigDecimal("0.000270000000"),
                0,
                BigDecimal.ZERO,
                new BigDecimal("100"));
        UsageReport report =
                new UsageReport(new ReportQuery(NOV_1, NOV_1, List.of(), Optional.empty()), totals, List.of());

        assertThat(report.headline())
                .isEqualTo("spent $12.50; at the top tier it would have cost $100.00; the cache saved $0.00027");
    }
}
