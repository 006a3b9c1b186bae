package io.aigw.bench.limits.domain;

import java.util.Locale;

/**
 * The headline figures as JSON ({@code docs/benchmarks/limits.json}), so runs can be compared. Written
 * by hand to keep the domain free of a JSON library; the values are numbers and short plain strings.
 */
public final class JsonReport {

    private JsonReport() {}

    public static String render(LimitsReport report) {
        LimitsReport.Setup setup = report.setup();
        StringBuilder out = new StringBuilder();
        out.append("{\n");
        out.append("  \"benchmark\": \"limits\",\n");
        out.append("  \"date\": ").append(string(report.date())).append(",\n");
        out.append("  \"command\": ").append(string(report.command())).append(",\n");
        out.append("  \"machine\": ").append(string(report.machine())).append(",\n");
        out.append("  \"run_time_seconds\": ")
                .append(report.runTime().toSeconds())
                .append(",\n");
        out.append("  \"setup\": {");
        out.append("\"trace\": ").append(string(setup.traceFile()));
        out.append(", \"speed\": ").append(number(setup.shape().speed()));
        out.append(", \"load_seconds\": ").append(setup.shape().length().toSeconds());
        out.append(", \"arrivals\": ").append(setup.arrivals());
        out.append(", \"offered_requests_per_minute\": ").append(number(setup.offeredRequestsPerMinute()));
        out.append(", \"offered_tokens_per_minute\": ").append(number(setup.offeredTokensPerMinute()));
        out.append(", \"model\": ").append(string(setup.cheapModel()));
        out.append(", \"rpm_limit\": ").append(setup.rpm());
        out.append(", \"tpm_limit\": ").append(setup.tpm());
        out.append(", \"replicas\": ").append(setup.replicas());
        out.append(", \"max_in_flight\": ").append(setup.maxInFlight());
        out.append("},\n");
        out.append("  \"runs\": {");
        String separator = "\n";
        for (RunResult run : report.runs()) {
            out.append(separator);
            separator = ",\n";
            run(out, run, setup);
        }
        out.append("\n  },\n");
        ReservationLatency sequential = report.reservation().stream()
                .filter(r -> r.callers() == 1)
                .findFirst()
                .orElse(null);
        out.append("  \"reservation_p50_ms\": ")
                .append(
                        sequential == null
                                ? "null"
                                : millis(sequential.latency().p50Millis()))
                .append(",\n");
        out.append("  \"reservation_p99_ms\": ")
                .append(
                        sequential == null
                                ? "null"
                                : millis(sequential.latency().p99Millis()))
                .append(",\n");
        out.append("  \"reservation\": [");
        separator = "\n";
        for (ReservationLatency r : report.reservation()) {
            out.append(separator);
            separator = ",\n";
            out.append("    {\"callers\": ").append(r.callers());
            out.append(", \"iterations\": ").append(r.iterations());
            out.append(", \"p50_ms\": ").append(millis(r.latency().p50Millis()));
            out.append(", \"p99_ms\": ").append(millis(r.latency().p99Millis()));
            out.append(", \"max_ms\": ").append(millis(r.latency().maxMillis()));
            out.append(", \"pairs_per_second\": ").append(number(r.pairsPerSecond()));
            out.append('}');
        }
        out.append(report.reservation().isEmpty() ? "]\n" : "\n  ]\n");
        out.append("}\n");
        return out.toString();
    }

    private static void run(StringBuilder out, RunResult run, LimitsReport.Setup setup) {
        ClientTally c = run.client();
        out.append("    ").append(string(run.store())).append(": {\n");
        out.append("      \"sent\": ").append(c.sent());
        out.append(", \"answered\": ").append(c.answered());
        out.append(", \"refused\": ").append(c.refused());
        out.append(", \"refused_with_retry_after\": ").append(c.refusedWithRetryAfter());
        out.append(", \"failed\": ").append(c.failed());
        out.append(", \"shed\": ").append(c.shed()).append(",\n");
        out.append("      \"provider_429s\": ").append(run.cheap().rejectedRequests());
        out.append(", \"routing_fallbacks_after_429\": ")
                .append(whole(run.routing().fallbacksProvider429()));
        out.append(", \"routing_skips_no_headroom\": ")
                .append(whole(run.routing().fallbacksNoHeadroom()));
        out.append(", \"routing_reservations_by_fallback\": ")
                .append(whole(run.routing().reservationsCountedLocally()));
        out.append(",\n");
        out.append("      \"max_per_minute\": {\"requests\": ")
                .append(run.cheap().maxRequestsPerMinute());
        out.append(", \"rpm_limit\": ").append(setup.rpm());
        out.append(", \"tokens\": ").append(run.cheap().maxTokensPerMinute());
        out.append(", \"tpm_limit\": ").append(setup.tpm()).append("},\n");
        out.append("      \"utilization_rpm\": ")
                .append(fraction(run.utilization().ofRpm()));
        out.append(", \"utilization_tpm\": ").append(fraction(run.utilization().ofTpm()));
        out.append(", \"steady_seconds\": ").append(run.utilization().steady().toSeconds());
        out.append(", \"spill_share\": ").append(fraction(c.spillShare(setup.cheapModel())));
        out.append(",\n");
        ProbeResult p = run.probe();
        out.append("      \"retry_after_probe\": {\"refused_status\": ").append(p.refusedStatus());
        out.append(", \"retry_after_seconds\": ")
                .append(
                        p.retryAfterSeconds().isPresent()
                                ? Long.toString(p.retryAfterSeconds().getAsLong())
                                : "null");
        out.append(", \"retry_status\": ").append(p.retryStatus());
        out.append(", \"held\": ").append(p.retryAfterHeld()).append("}\n");
        out.append("    }");
    }

    static String fraction(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    static String millis(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String whole(double value) {
        return Long.toString(Math.round(value));
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
