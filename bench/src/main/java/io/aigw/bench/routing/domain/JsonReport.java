package io.aigw.bench.routing.domain;

import java.util.Locale;

/**
 * The headline figures as JSON ({@code docs/benchmarks/routing.json}), so runs can be compared: per
 * data set and strategy accuracy, cost per 1,000 requests, strong share and n. Written by hand to keep
 * the domain free of a JSON library; the values are numbers and short plain strings.
 */
public final class JsonReport {

    private JsonReport() {}

    public static String render(RoutingReport report) {
        StringBuilder out = new StringBuilder();
        out.append("{\n");
        out.append("  \"benchmark\": \"routing\",\n");
        out.append("  \"date\": ").append(string(report.date())).append(",\n");
        out.append("  \"command\": ").append(string(report.command())).append(",\n");
        out.append("  \"machine\": ").append(string(report.machine())).append(",\n");
        out.append("  \"concurrency\": ").append(report.concurrency()).append(",\n");
        out.append("  \"run_time_seconds\": ")
                .append(report.runTime().toSeconds())
                .append(",\n");
        out.append("  \"datasets\": {");
        String setSeparator = "\n";
        for (DatasetResult set : report.datasets()) {
            out.append(setSeparator);
            setSeparator = ",\n";
            out.append("    ").append(string(set.dataset().label())).append(": {\n");
            out.append("      \"n\": ").append(set.n()).append(",\n");
            out.append("      \"sample\": ").append(string(set.sample())).append(",\n");
            out.append("      \"max_tokens\": ").append(set.maxTokens()).append(",\n");
            out.append("      \"strategies\": {");
            String separator = "\n";
            for (StrategyResult result : set.results()) {
                out.append(separator);
                separator = ",\n";
                out.append("        ").append(string(result.strategy().label())).append(": {");
                out.append("\"accuracy\": ").append(fraction(result.accuracy()));
                out.append(", \"cost_per_1k_requests_usd\": ")
                        .append(result.costPer1kRequestsUsd().toPlainString());
                out.append(", \"strong_share\": ").append(fraction(result.strongShare()));
                out.append(", \"n\": ").append(result.n());
                out.append('}');
            }
            out.append("\n      }\n    }");
        }
        out.append("\n  }\n}\n");
        return out.toString();
    }

    static String fraction(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    static String string(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
