package io.aigw.bench.overhead.domain;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Renders {@code overhead.md}. Everything above {@link #KEPT_MARKER} is generated; the hand-written
 * analysis below it (profile evidence, what bounds a missed target) is kept when a run rewrites the
 * file, because it explains figures rather than repeating them.
 */
public final class OverheadMarkdown {

    /** The line from which an existing {@code overhead.md} is kept as it is. */
    public static final String KEPT_MARKER = "<!-- everything below is written by hand and kept across runs -->";

    private OverheadMarkdown() {}

    public static String render(OverheadReport report, String kept) {
        StringBuilder md = new StringBuilder();
        md.append("# Overhead: what the gateway adds to a request\n\n");
        md.append("Measured by `")
                .append(report.command())
                .append("` on ")
                .append(report.date())
                .append(" (")
                .append(duration(report.took()))
                .append(" in all). Every figure below is a median over ")
                .append(report.rounds())
                .append(" interleaved rounds of ")
                .append(fmt("%.0f", report.runSeconds()))
                .append(" s load runs (streams: ")
                .append(fmt("%.0f", report.streamSeconds()))
                .append(" s); ")
                .append("\"added\" is the difference to `direct` in the same round at the same connection count, ")
                .append(
                        "then the median of those differences. All traffic on 127.0.0.1; load from `wrk` (closed loop, ")
                .append("keep-alive); streams from a JDK HTTP client reading line by line.\n\n");
        md.append("## Machine\n\n");
        md.append("- ").append(report.machine()).append('\n');
        md.append("- load average (1, 5, 15 min): ")
                .append(report.loadBefore())
                .append(" at the start, ")
                .append(report.loadAfter())
                .append(" at the end. The machine is shared: the load generator, the ")
                .append("upstream and every gateway run on the same cores, and other jobs ran besides — compare ")
                .append("targets within this run, not with other machines.\n");
        report.javaOpts().forEach((service, opts) -> md.append("- JVM options of ")
                .append(service)
                .append(": `")
                .append(opts)
                .append("`\n"));
        md.append('\n');
        md.append("## Set-up\n\n");
        report.setup().forEach(line -> md.append("- ").append(line).append('\n'));
        md.append('\n');
        md.append("## Goals of issue #9\n\n");
        md.append("| goal | bound | measured | met |\n|---|---|---|---|\n");
        for (Goals.Goal goal : Goals.check(report.load(), report.streams())) {
            md.append("| ")
                    .append(goal.name())
                    .append(" | ")
                    .append(goal.goal())
                    .append(" | ")
                    .append(goal.measured())
                    .append(" | ")
                    .append(goal.met().map(met -> met ? "yes" : "**no**").orElse("–"))
                    .append(" |\n");
        }
        md.append('\n');
        md.append("## Load (non-streamed chat completions)\n\n");
        TreeSet<Integer> connections = new TreeSet<>();
        report.load().forEach(s -> connections.add(s.connections()));
        for (int conns : connections) {
            md.append("### ")
                    .append(conns)
                    .append(conns == 1 ? " connection" : " connections")
                    .append("\n\n");
            md.append("| target | req/s | p50 ms | p90 ms | p99 ms | added p50 ms | added p99 ms | CPU µs/req |"
                    + " errors |\n|---|---|---|---|---|---|---|---|---|\n");
            for (LoadSummary s : report.load()) {
                if (s.connections() != conns) {
                    continue;
                }
                md.append("| ")
                        .append(s.target().key())
                        .append(" | ")
                        .append(fmt("%.0f", s.requestsPerSecond()))
                        .append(" | ")
                        .append(fmt("%.2f", s.p50Millis()))
                        .append(" | ")
                        .append(fmt("%.2f", s.p90Millis()))
                        .append(" | ")
                        .append(fmt("%.2f", s.p99Millis()))
                        .append(" | ")
                        .append(s.target() == Target.DIRECT ? "–" : fmt("%+.2f", s.addedP50Millis()))
                        .append(" | ")
                        .append(s.target() == Target.DIRECT ? "–" : fmt("%+.2f", s.addedP99Millis()))
                        .append(" | ")
                        .append(fmt("%.0f", s.cpuMicrosPerRequest()))
                        .append(" | ")
                        .append(s.errors())
                        .append(" |\n");
            }
            md.append('\n');
        }
        md.append("CPU per request is the user + system time of the target's own processes (`/proc/<pid>/stat`) ")
                .append("during the run and one second after it (so the off-path cache store and usage event of ")
                .append("its requests are counted), divided by its requests. For `direct` it is the upstream ")
                .append("nginx, which every other target also pays; for this gateway it is the sum of:\n\n");
        md.append(perProcessTable(report.load()));
        md.append('\n');
        if (!report.baseline().isEmpty()) {
            md.append(baselineSection(report.baseline()));
        }
        md.append("## Streams (`\"stream\": true`)\n\n");
        if (report.streams().isEmpty()) {
            md.append("Not run (`--stream-duration 0s`).\n\n");
        } else {
            md.append(
                    "| target | concurrent | streams | TTFT p50 ms | TTFT p99 ms | total p50 ms | added TTFT p50 ms |"
                            + " added TTFT p99 ms | added total p50 ms | errors |\n|---|---|---|---|---|---|---|---|---|---|\n");
            for (StreamSummary s : report.streams()) {
                boolean direct = s.target() == Target.DIRECT;
                md.append("| ")
                        .append(s.target().key())
                        .append(" | ")
                        .append(s.connections())
                        .append(" | ")
                        .append(s.streams())
                        .append(" | ")
                        .append(fmt("%.2f", s.ttftP50Millis()))
                        .append(" | ")
                        .append(fmt("%.2f", s.ttftP99Millis()))
                        .append(" | ")
                        .append(fmt("%.2f", s.totalP50Millis()))
                        .append(" | ")
                        .append(direct ? "–" : fmt("%+.2f", s.addedTtftP50Millis()))
                        .append(" | ")
                        .append(direct ? "–" : fmt("%+.2f", s.addedTtftP99Millis()))
                        .append(" | ")
                        .append(direct ? "–" : fmt("%+.2f", s.addedTotalP50Millis()))
                        .append(" | ")
                        .append(s.errors())
                        .append(" |\n");
            }
            md.append('\n');
        }
        md.append("## Memory and start-up\n\n");
        md.append("| process | largest RSS MiB (end of a run) |\n|---|---|\n");
        Map<String, Double> rss = new java.util.TreeMap<>();
        // the baseline's processes are others than aigw-miss's and aigw-hit's, which share theirs
        report.load().forEach(s -> s.maxRssMib()
                .forEach((name, mib) ->
                        rss.merge(s.target() == Target.AIGW_BASE ? "baseline " + name : name, mib, Math::max)));
        rss.forEach((name, mib) -> md.append("| ")
                .append(name)
                .append(" | ")
                .append(fmt("%.0f", mib))
                .append(" |\n"));
        md.append('\n');
        md.append("| service | start-up to ready (all started at once on the same cores) |\n|---|---|\n");
        report.startUp().forEach((service, took) -> md.append("| ")
                .append(service)
                .append(" | ")
                .append(fmt("%.1f s", took.toMillis() / 1000.0))
                .append(" |\n"));
        md.append('\n');
        md.append(KEPT_MARKER).append('\n');
        if (kept != null && !kept.isBlank()) {
            md.append(kept.startsWith("\n") ? kept : "\n" + kept);
        } else {
            md.append("\n## Analysis\n\n(Nothing written yet.)\n");
        }
        return md.toString();
    }

    /** What follows {@link #KEPT_MARKER} in an existing report, or empty. */
    public static String keptPart(String existing) {
        if (existing == null) {
            return "";
        }
        int at = existing.indexOf(KEPT_MARKER);
        return at < 0 ? "" : existing.substring(at + KEPT_MARKER.length()).replaceFirst("^\\n", "");
    }

    private static String perProcessTable(List<LoadSummary> load) {
        StringBuilder md = new StringBuilder();
        md.append("| target | connections | CPU µs/req by process |\n|---|---|---|\n");
        for (LoadSummary s : load) {
            if (!s.target().ours()) {
                continue;
            }
            StringBuilder parts = new StringBuilder();
            s.cpuMicrosPerRequestByProcess().forEach((name, micros) -> {
                if (parts.length() > 0) {
                    parts.append(", ");
                }
                parts.append(name).append(' ').append(fmt("%.0f", micros));
            });
            md.append("| ")
                    .append(s.target().key())
                    .append(" | ")
                    .append(s.connections())
                    .append(" | ")
                    .append(parts)
                    .append(" |\n");
        }
        return md.toString();
    }

    private static String baselineSection(List<BaselineComparison> comparisons) {
        StringBuilder md = new StringBuilder();
        md.append("## Against the baseline (A/B)\n\n");
        md.append("`aigw-miss` (this checkout) ÷ `aigw-base` (the baseline), taken in each round, where the two ran")
                .append(" back to back, then the median over rounds: below 1 this checkout uses less CPU per")
                .append(" request. The per-round ratios show the spread; a change is only told apart from the")
                .append(" noise when nearly every round agrees.\n\n");
        md.append("| connections | CPU/req ratio (median) | rounds cheaper | CPU/req ratio per round |"
                + " req/s ratio (median) | CPU/req ratio by process (median) |\n|---|---|---|---|---|---|\n");
        for (BaselineComparison c : comparisons) {
            StringBuilder rounds = new StringBuilder();
            c.cpuRatios().forEach(r -> rounds.append(rounds.length() == 0 ? "" : ", ")
                    .append(fmt("%.3f", r)));
            StringBuilder byProcess = new StringBuilder();
            c.cpuRatioByProcess().forEach((name, r) -> byProcess
                    .append(byProcess.length() == 0 ? "" : ", ")
                    .append(name)
                    .append(' ')
                    .append(fmt("%.3f", r)));
            md.append("| ")
                    .append(c.connections())
                    .append(" | ")
                    .append(fmt("%.3f", c.cpuRatio()))
                    .append(" | ")
                    .append(c.roundsCheaper())
                    .append(" of ")
                    .append(c.rounds())
                    .append(" | ")
                    .append(rounds)
                    .append(" | ")
                    .append(fmt("%.3f", c.requestsPerSecondRatio()))
                    .append(" | ")
                    .append(byProcess)
                    .append(" |\n");
        }
        md.append('\n');
        return md.toString();
    }

    private static String duration(java.time.Duration d) {
        return fmt("%d min %02d s", d.toMinutes(), d.toSecondsPart());
    }

    /** Formats figures; a figure that was not measured (NaN) shows as "–". */
    private static String fmt(String format, Object... args) {
        for (Object arg : args) {
            if (arg instanceof Double d && (d.isNaN() || d.isInfinite())) {
                return "–";
            }
        }
        return String.format(Locale.ROOT, format, args);
    }
}
