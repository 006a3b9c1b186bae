package io.aigw.billing.adapter.out.jdbc;

import io.aigw.billing.application.UsageReports;
import io.aigw.billing.domain.ReportDimension;
import io.aigw.billing.domain.ReportQuery;
import io.aigw.billing.domain.UsageReport;
import io.aigw.billing.domain.UsageTotals;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Reports as plain SQL aggregates over {@code usage_ledger}: a read-only sum has no entity to map,
 * and {@code GROUP BY} over a chosen set of columns is what SQL is for. The columns come from a fixed
 * table, never from the request, so nothing the client sends reaches the SQL text. Portable SQL
 * (ADR 0020).
 */
public class JdbcUsageReports implements UsageReports {

    private static final Map<ReportDimension, String> COLUMNS = new EnumMap<>(Map.of(
            ReportDimension.TENANT, "tenant_id",
            ReportDimension.KEY, "key_id",
            ReportDimension.MODEL, "model",
            ReportDimension.PROVIDER, "provider",
            ReportDimension.TIER, "tier",
            ReportDimension.DAY, "usage_day"));

    private static final String SUMS = "COUNT(*) AS requests, "
            + "COALESCE(SUM(prompt_tokens), 0) AS prompt_tokens, "
            + "COALESCE(SUM(completion_tokens), 0) AS completion_tokens, "
            + "COALESCE(SUM(cost_usd), 0) AS cost_usd, "
            + "COALESCE(SUM(CASE WHEN cache_result LIKE 'hit-%' THEN 1 ELSE 0 END), 0) AS cache_hits, "
            + "COALESCE(SUM(saved_usd), 0) AS saved_usd, "
            + "COALESCE(SUM(escalations), 0) AS escalations, "
            + "COALESCE(SUM(escalation_cost_usd), 0) AS escalation_cost_usd, "
            + "COALESCE(SUM(top_tier_cost_usd), 0) AS top_tier_cost_usd";

    private final NamedParameterJdbcTemplate jdbc;

    public JdbcUsageReports(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public UsageReport report(ReportQuery query) {
        MapSqlParameterSource params =
                new MapSqlParameterSource().addValue("from", query.from()).addValue("to", query.to());
        String where = " FROM usage_ledger WHERE usage_day BETWEEN :from AND :to";
        if (query.tenant().isPresent()) {
            where += " AND tenant_id = :tenant";
            params.addValue("tenant", query.tenant().get());
        }
        UsageTotals totals = jdbc.queryForObject("SELECT " + SUMS + where, params, (rs, n) -> totals(rs));
        List<UsageReport.Row> rows = List.of();
        if (!query.groupBy().isEmpty()) {
            String columns = query.groupBy().stream().map(COLUMNS::get).collect(Collectors.joining(", "));
            rows = jdbc.query(
                    "SELECT " + columns + ", " + SUMS + where + " GROUP BY " + columns + " ORDER BY " + columns,
                    params,
                    (rs, n) -> row(rs, query.groupBy()));
        }
        return new UsageReport(query, totals, rows);
    }

    private static UsageReport.Row row(ResultSet rs, List<ReportDimension> dims) throws SQLException {
        Map<ReportDimension, String> keys = new EnumMap<>(ReportDimension.class);
        for (ReportDimension dim : dims) {
            Object value = rs.getObject(COLUMNS.get(dim));
            keys.put(dim, value == null ? null : value.toString());
        }
        return new UsageReport.Row(keys, totals(rs));
    }

    private static UsageTotals totals(ResultSet rs) throws SQLException {
        return new UsageTotals(
                rs.getLong("requests"),
                rs.getLong("prompt_tokens"),
                rs.getLong("completion_tokens"),
                money(rs, "cost_usd"),
                rs.getLong("cache_hits"),
                money(rs, "saved_usd"),
                rs.getLong("escalations"),
                money(rs, "escalation_cost_usd"),
                money(rs, "top_tier_cost_usd"));
    }

    /** Exact, with the ledger's trailing zeros dropped so a sum reads as it is. */
    private static BigDecimal money(ResultSet rs, String column) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        if (value == null || value.signum() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
