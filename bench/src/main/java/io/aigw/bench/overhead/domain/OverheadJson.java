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
            n.put("requests_per_second", round(s.requestsPerSecond(), 1));
            n.put("p50_ms", round(s.p50Millis(), 3));
            n.put("p90_ms", round(s.p90Millis(), 3));
            n.put("p99_ms", round(s.p99Millis(), 3));
            if (s.target() != Target.DIRECT) {
                n.put("added_p50_ms", round(s.addedP50Millis(), 3));
                n.put("added_p99_ms", round(s.addedP99Millis(), 3));
            }
            n.put("cpu_us_per_request", round(s.cpuMicrosPerRequest(), 1));
            ObjectNode byProcess = n.putObject("cpu_us_per_request_by_process");
            s.cpuMicrosPerRequestByProcess().forEach((name, micros) -> byProcess.put(name, round(micros, 1)));
            ObjectNode rss = n.putObject("max_rss_mib");
            s.maxRssMib().forEach((name, mib) -> rss.put(name, round(mib, 1)));
            n.put("requests", s.requests());
            n.put("errors", s.errors());
        }
        ObjectNode streams = root.putObject("streams");
        for (StreamSummary s : report.streams()) {
            ObjectNode target = streams.has(s.target().key())
                    ? (ObjectNode) streams.get(s.target().key())
                    : streams.putObject(s.target().key());
            ObjectNode n = target.putObject(Integer.toString(s.connections()));
            n.put("ttft_p50_ms", round(s.ttftP50Millis(), 3));
            n.put("ttft_p99_ms", round(s.ttftP99Millis(), 3));
            n.put("total_p50_ms", round(s.totalP50Millis(), 3));
            if (s.target() != Target.DIRECT) {
                n.put("added_ttft_p50_ms", round(s.addedTtftP50Millis(), 3));
                n.put("added_ttft_p99_ms", round(s.addedTtftP99Millis(), 3));
                n.put("added_total_p50_ms", round(s.addedTotalP50Millis(), 3));
            }
            n.put("streams", s.streams());
            n.put("errors", s.errors());
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

    private static double round(double value, int digits) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return -1;
        }
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }
}
