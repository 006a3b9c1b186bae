package io.aigw.billing.adapter.in.web;

import io.aigw.billing.domain.ReportDimension;
import io.aigw.billing.domain.UsageReport;
import io.aigw.billing.domain.UsageTotals;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A usage report as JSON and as CSV. The metric columns are the same in both, in this order; money
 * is an exact decimal string.
 */
final class UsageReportViews {

    static final List<String> METRICS = List.of(
            "requests",
            "prompt_tokens",
            "completion_tokens",
            "total_tokens",
            "cost_usd",
            "cache_hits",
            "saved_usd",
            "escalations",
            "escalation_cost_usd",
            "top_tier_cost_usd");

    private UsageReportViews() {}

    static Map<String, Object> json(UsageReport report) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", report.query().from().toString());
        body.put("to", report.query().to().toString());
        body.put("tenant", report.query().tenant().orElse(null));
        body.put(
                "group_by",
                report.query().groupBy().stream().map(ReportDimension::wireName).toList());
        body.put("headline", report.headline());
        body.put("totals", metrics(report.totals()));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (UsageReport.Row row : report.rows()) {
            Map<String, Object> line = new LinkedHashMap<>();
            report.query()
                    .groupBy()
                    .forEach(dim -> line.put(dim.wireName(), row.keys().get(dim)));
            line.putAll(metrics(row.totals()));
            rows.add(line);
        }
        body.put("rows", rows);
        return body;
    }

    /** RFC 4180: a header line, then one line per row (or one line of totals without dimensions). */
    static String csv(UsageReport report) {
        StringBuilder out = new StringBuilder();
        List<String> header = new ArrayList<>();
        report.query().groupBy().forEach(dim -> header.add(dim.wireName()));
        header.addAll(METRICS);
        line(out, header);
        if (report.query().groupBy().isEmpty()) {
            line(out, values(metrics(report.totals())));
        }
        for (UsageReport.Row row : report.rows()) {
            List<String> cells = new ArrayList<>();
            report.query().groupBy().forEach(dim -> cells.add(row.keys().get(dim)));
            cells.addAll(values(metrics(row.totals())));
            line(out, cells);
        }
        return out.toString();
    }

    private static Map<String, Object> metrics(UsageTotals t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("requests", t.requests());
        m.put("prompt_tokens", t.promptTokens());
        m.put("completion_tokens", t.completionTokens());
        m.put("total_tokens", t.totalTokens());
        m.put("cost_usd", t.costUsd().toPlainString());
        m.put("cache_hits", t.cacheHits());
        m.put("saved_usd", t.savedUsd().toPlainString());
        m.put("escalations", t.escalations());
        m.put("escalation_cost_usd", t.escalationCostUsd().toPlainString());
        m.put("top_tier_cost_usd", t.topTierCostUsd().toPlainString());
        return m;
    }

    private static List<String> values(Map<String, Object> metrics) {
        return metrics.values().stream().map(String::valueOf).toList();
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
    }

    private static String cell(String value) {
        if (value == null) {
            return "";
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
