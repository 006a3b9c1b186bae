package io.aigw.bench.scaler.domain;

import java.util.Locale;

/** {@code docs/benchmarks/scaler.md}: the table, the command, date, machine, the trace's scaling and a verdict. */
public final class ScalerMarkdownReport {

    private ScalerMarkdownReport() {}

    public static String render(ScalerReport report) {
        ReplayConfig c = report.config();
        StringBuilder out = new StringBuilder();
        out.append("# Scaler replay benchmark\n\n");
        out.append("Static provisioning at peak, the plain Kubernetes HPA algorithm and the scaler (the same HPA\n")
                .append(
                        "algorithm plus the Holt predictive floor, ADR 0011) on a time-scaled real LLM arrival trace,\n")
                .append(
                        "with a simulated Deployment whose pods need a start-up delay before they serve. The scaler's\n")
                .append("real decision function (`scaler-service`, `io.aigw.scaler.domain.Autoscaler`) makes every\n")
                .append("decision; nothing else runs (no services, no Kubernetes).\n\n");
        out.append("- command: `").append(report.command()).append("`\n");
        out.append("- date: ").append(report.date()).append('\n');
        out.append("- machine: ").append(report.machine()).append('\n');
        out.append("- simulation time: ").append(report.runMillis()).append(" ms\n");
        out.append("- trace: ").append(report.trace()).append('\n');
        out.append("- model: ")
                .append(number(c.capacityPerReplica()))
                .append(" req/s per ready replica; HPA request-rate target ")
                .append(number(c.targetPerReplica()))
                .append(" req/s per replica (")
                .append(Math.round(c.targetUtilization() * 100))
                .append(" % of capacity), HPA defaults (tolerance 0.1, scale-up max(+100 %, +4 pods)/15 s, ")
                .append("scale-down window 300 s and 100 %/15 s), min 1, max ")
                .append(c.maxReplicas())
                .append("; loop every ")
                .append(c.intervalSeconds())
                .append(" s on the rate of the last ")
                .append(c.metricWindowSeconds())
                .append(" s; capacity checked per ")
                .append(c.sloWindowSeconds())
                .append(" s window; forecast Holt α = ")
                .append(number(c.alpha()))
                .append(", β = ")
                .append(number(c.beta()))
                .append(", horizon = start-up delay + one interval\n\n");
        out.append("## Trace scaling\n\n");
        out.append("The trace is played at a speed that changes per segment (speed 2 = twice its own arrival\n")
                .append("rate, linear within a segment), looped when the profile needs more of it:\n\n");
        out.append("| segment | minutes | speed |\n|---|---|---|\n");
        for (LoadProfile.Segment s : report.profile().segments()) {
            out.append("| ")
                    .append(s.name())
                    .append(" | ")
                    .append(s.seconds() / 60)
                    .append(" | ");
            out.append(s.from() == s.to() ? number(s.from()) : number(s.from()) + " → " + number(s.to()));
            out.append(" |\n");
        }
        out.append("\n## Results\n\n");
        out.append(
                "| start-up delay | strategy | target utilization | replica-minutes (cost) | over-capacity minutes | over-capacity requests | scale actions | peak replicas |\n");
        out.append("|---|---|---|---|---|---|---|---|\n");
        long requests = 0;
        for (int delay : c.startupDelays()) {
            for (Strategy strategy : Strategy.values()) {
                RunResult r = report.result(strategy, delay);
                requests = r.requests();
                out.append("| ")
                        .append(delay)
                        .append(" s | ")
                        .append(strategy.label())
                        .append(" | ");
                out.append(strategy == Strategy.STATIC_PEAK ? "—" : number(r.targetUtilization()))
                        .append(" | ");
                out.append(number(r.replicaMinutes())).append(" | ");
                out.append(number(r.overCapacityMinutes())).append(" | ");
                out.append(r.overCapacityRequests()).append(" | ");
                out.append(r.scaleActions()).append(" | ");
                out.append(r.peakReplicas()).append(" |\n");
            }
        }
        out.append("\n")
                .append(requests)
                .append(" requests in ")
                .append(report.profile().seconds() / 60)
                .append(" simulated minutes.\n\n");
        out.append("## Verdict\n\n");
        for (int delay : c.startupDelays()) {
            out.append("- ").append(verdict(report, delay)).append('\n');
        }
        out.append("\n## What the model leaves out\n\n")
                .append("- No queueing: arrivals above the ready capacity of a window are counted as over capacity\n")
                .append("  (in a real service they wait, time out or are shed); the figures compare strategies, they\n")
                .append("  do not predict latencies.\n")
                .append("- Load spreads evenly over ready pods; starting pods get nothing and report nothing.\n")
                .append("- The metric the loop sees is exact (the real one lags by the scrape interval as well).\n")
                .append("- One workload; CPU and latency signals are not simulated, only the request rate.\n")
                .append("- One trace and one profile: differences of a few 10 s windows (0.17 min each) are within\n")
                .append("  what another profile or seed of the burst could move; α and β were fixed before the run,\n")
                .append("  not tuned on it.\n");
        return out.toString();
    }

    static String verdict(ScalerReport report, int delay) {
        RunResult hpa = report.result(Strategy.HPA, delay);
        RunResult scaler = report.result(Strategy.SCALER, delay);
        RunResult fixed = report.result(Strategy.STATIC_PEAK, delay);
        RunResult headroom = report.result(Strategy.HPA_EQUAL_COST, delay);
        double breachDelta = hpa.overCapacityMinutes() - scaler.overCapacityMinutes();
        double costDelta = scaler.replicaMinutes() - hpa.replicaMinutes();
        String head = delay + " s start-up: ";
        String saving = String.format(
                Locale.ROOT,
                " Both autoscalers cost %.0f %% / %.0f %% of static provisioning at peak.",
                100 * hpa.replicaMinutes() / fixed.replicaMinutes(),
                100 * scaler.replicaMinutes() / fixed.replicaMinutes());
        saving += String.format(
                Locale.ROOT,
                " Plain HPA given the same budget as headroom (target utilization %s, %s replica-minutes) has %s"
                        + " over-capacity minutes: the forecast is %s than plain headroom at equal cost.",
                number(headroom.targetUtilization()),
                number(headroom.replicaMinutes()),
                number(headroom.overCapacityMinutes()),
                headroom.overCapacityMinutes() > scaler.overCapacityMinutes()
                        ? "better"
                        : headroom.overCapacityMinutes() < scaler.overCapacityMinutes() ? "worse" : "no better");
        if (breachDelta > 0 && costDelta <= 0) {
            return head
                    + String.format(
                            Locale.ROOT,
                            "the forecast beats plain HPA: %.2f fewer over-capacity minutes at %.1f fewer replica-minutes.",
                            breachDelta,
                            -costDelta)
                    + saving;
        }
        if (breachDelta > 0) {
            return head
                    + String.format(
                            Locale.ROOT,
                            "the forecast cuts over-capacity minutes by %.2f (%s → %s) but costs %.1f more replica-minutes "
                                    + "(+%.1f %%): it buys the earlier capacity, it does not come free.",
                            breachDelta,
                            number(hpa.overCapacityMinutes()),
                            number(scaler.overCapacityMinutes()),
                            costDelta,
                            100 * costDelta / hpa.replicaMinutes())
                    + saving;
        }
        return head
                + String.format(
                        Locale.ROOT,
                        "the forecast does not beat plain HPA on over-capacity minutes (%s vs %s) at %+.1f replica-minutes: "
                                + "here the trend seen over the horizon does not arrive early enough to matter.",
                        number(scaler.overCapacityMinutes()),
                        number(hpa.overCapacityMinutes()),
                        costDelta)
                + saving;
    }

    static String number(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
