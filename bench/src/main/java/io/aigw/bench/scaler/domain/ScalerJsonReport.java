package io.aigw.bench.scaler.domain;

import java.util.Locale;

/** {@code docs/benchmarks/scaler.json}: per start-up delay and strategy the headline figures. Hand-written JSON. */
public final class ScalerJsonReport {

    private ScalerJsonReport() {}

    public static String render(ScalerReport report) {
        StringBuilder out = new StringBuilder("{\n");
        out.append("  \"benchmark\": \"scaler\",\n");
        out.append("  \"date\": ").append(string(report.date())).append(",\n");
        out.append("  \"command\": ").append(string(report.command())).append(",\n");
        out.append("  \"machine\": ").append(string(report.machine())).append(",\n");
        out.append("  \"trace\": ").append(string(report.trace())).append(",\n");
        out.append("  \"capacity_per_replica_rps\": ")
                .append(number(report.config().capacityPerReplica()))
                .append(",\n");
        out.append("  \"target_utilization\": ")
                .append(number(report.config().targetUtilization()))
                .append(",\n");
        out.append("  \"simulated_minutes\": ")
                .append(report.profile().seconds() / 60)
                .append(",\n");
        out.append("  \"startup_delays\": {");
        String delaySeparator = "\n";
        for (int delay : report.config().startupDelays()) {
            out.append(delaySeparator);
            delaySeparator = ",\n";
            out.append("    \"").append(delay).append("s\": {");
            String separator = "\n";
            for (Strategy strategy : Strategy.values()) {
                RunResult r = report.result(strategy, delay);
                out.append(separator);
                separator = ",\n";
                out.append("      ").append(string(strategy.key())).append(": {");
                out.append("\"replica_minutes\": ").append(number(r.replicaMinutes()));
                out.append(", \"over_capacity_minutes\": ").append(number(r.overCapacityMinutes()));
                out.append(", \"over_capacity_requests\": ").append(r.overCapacityRequests());
                out.append(", \"scale_actions\": ").append(r.scaleActions());
                out.append(", \"peak_replicas\": ").append(r.peakReplicas());
                out.append(", \"target_utilization\": ").append(number(r.targetUtilization()));
                out.append('}');
            }
            out.append("\n    }");
        }
        out.append("\n  }\n}\n");
        return out.toString();
    }

    static String number(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    static String string(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
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
