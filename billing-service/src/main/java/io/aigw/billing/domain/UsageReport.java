package io.aigw.billing.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * A usage and cost report.
 *
 * @param query what it covers
 * @param totals the sums over every covered row
 * @param rows one per distinct combination of the query's dimensions, in their order; empty without
 *     dimensions
 */
public record UsageReport(ReportQuery query, UsageTotals totals, List<Row> rows) {

    /**
     * @param keys the dimension values ({@code null} where the ledger has none, e.g. no model answered)
     * @param totals the sums of this group
     */
    public record Row(Map<ReportDimension, String> keys, UsageTotals totals) {}

    public UsageReport {
        rows = List.copyOf(rows);
    }

    /** The sentence of the savings report: "spent X; at the top tier it would have cost Y; the cache saved Z". */
    public String headline() {
        return "spent " + usd(totals.costUsd()) + "; at the top tier it would have cost " + usd(totals.topTierCostUsd())
                + "; the cache saved " + usd(totals.savedUsd());
    }

    /** Dollars with cents, and with more digits only where cents would hide them. */
    static String usd(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        BigDecimal shown = stripped.scale() < 2 ? amount.setScale(2, RoundingMode.UNNECESSARY) : stripped;
        return "$" + shown.toPlainString();
    }
}
