package io.aigw.bench.overhead.domain;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Renders {@code overhead.json}: the same figures as the Markdown, per target and connection count. */
public final class OverheadJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private OverheadJson() {}

    public static String render(OverheadReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("date", report.date());
        root.put("command", report.command());
        ObjectNode machine = root.putObject("machine");
        machine.put("description", report.machine());
        machine.put("load_average_start", report.loadBefore().toString());
        machine.put("load_average_end", report.loadAfter().toString());
        ObjectNode jvm = machine.putObject("java_opts");
        report.javaOpts().forEach(jvm::put);
        root.put("rounds", report.rounds());
        root.put("run_seconds", report.runSeconds());
        root.put("stream_seconds", report.streamSeconds());
        ArrayNode setup = root.putArray("setup");
        report.setup().forEach(setup::add);
        ObjectNode load = root.putObject("load");
        for (LoadSummary s : report.load()) {
            ObjectNode target = load.has(s.target().key())
                    ? (ObjectNode) load.get(s.target().key())
                    : load.putObject(s.target().key());
            ObjectNode n = target.putObject(Integer.toString(s.connections()));
            put(n, "requests_per_second", s.requestsPerSecond(), 1);
            put(n, "p50_ms", s.p50Millis(), 3);
            put(n, "p90_ms", s.p90Millis(), 3);
            put(n, "p99_ms", s.p99Millis(), 3);
            if (s.target() != Target.DIRECT) {
                put(n, "added_p50_ms", s.addedP50Millis(), 3);
                put(n, "added_p99_ms", s.addedP99Millis(), 3);
            }
            put(n, "cpu_us_per_request", s.cpuMicrosPerRequest(), 1);
            ObjectNode byProcess = n.putObject("cpu_us_per_request_by_process");
            s.cpuMicrosPerRequestByProcess().forEach((name, micros) -> put(byProcess, name, micros, 1));
            ObjectNode rss = n.putObject("max_rss_mib");
            s.maxRssMib().forEach((name, mib) -> put(rss, name, mib, 1));
            n.put("requests", s.requests());
            n.put("errors", s.errors());
        }
        ObjectNode streams = root.putObject("streams");
        for (StreamSummary s : report.streams()) {
            ObjectNode target = streams.has(s.target().key())
                    ? (ObjectNode) streams.get(s.target().key())
                    : streams.putObject(s.target().key());
            ObjectNode n = target.putObject(Integer.toString(s.connections()));
            put(n, "ttft_p50_ms", s.ttftP50Millis(), 3);
            put(n, "ttft_p99_ms", s.ttftP99Millis(), 3);
            put(n, "total_p50_ms", s.totalP50Millis(), 3);
            if (s.target() != Target.DIRECT) {
                put(n, "added_ttft_p50_ms", s.addedTtftP50Millis(), 3);
                put(n, "added_ttft_p99_ms", s.addedTtftP99Millis(), 3);
                put(n, "added_total_p50_ms", s.addedTotalP50Millis(), 3);
            }
            n.put("streams", s.streams());
            n.put("errors", s.errors());
        }
        if (!report.baseline().isEmpty()) {
            ObjectNode baseline = root.putObject("baseline_comparison");
            for (BaselineComparison c : report.baseline()) {
                ObjectNode n = baseline.putObject(Integer.toString(c.connections()));
                put(n, "cpu_ratio_median", c.cpuRatio(), 4);
                ArrayNode rounds = n.putArray("cpu_ratio_per_round");
                for (double r : c.cpuRatios()) {
                    if (Double.isNaN(r)) {
                        rounds.addNull();
                    } else {
                        rounds.add(Math.round(r * 1e4) / 1e4);
                    }
                }
                n.put("rounds_cheaper", c.roundsCheaper());
                put(n, "requests_per_second_ratio_median", c.requestsPerSecondRatio(), 4);
                ObjectNode byProcess = n.putObject("cpu_ratio_by_process_median");
                c.cpuRatioByProcess().forEach((name, r) -> put(byProcess, name, r, 4));
            }
        }
        ObjectNode startUp = root.putObject("start_up_seconds");
        report.startUp().forEach((service, took) -> startUp.put(service, took.toMillis() / 1000.0));
        ArrayNode goals = root.putArray("goals");
        for (Goals.Goal goal : Goals.check(report.load(), report.streams())) {
            ObjectNode g = goals.addObject();
            g.put("name", goal.name());
            g.put("bound", goal.goal());
            g.put("measured", goal.measured());
            goal.met().ifPresent(met -> g.put("met", met));
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }

    /** A figure rounded to {@code digits}; {@code null} when it was not measured (NaN). */
    private static void put(ObjectNode node, String name, double value, int digits) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            node.putNull(name);
            return;
        }
        double scale = Math.pow(10, digits);
        node.put(name, Math.round(value * scale) / scale);
    }
}
