package io.aigw.bench.overhead.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code profile.md} and {@code profile.json}: where the CPU of one steady run through the gateway
 * goes, per process (user and kernel time, collector pauses) and, inside each JVM, per layer of the
 * stack and per hottest method.
 *
 * @param date when the run started (UTC)
 * @param command the command line that reproduces it
 * @param machine cores, CPU, Java, OS
 * @param load the load average before and after
 * @param target what was driven (e.g. {@code aigw-miss})
 * @param connections concurrent connections
 * @param seconds how long the profiled run lasted
 * @param requests requests it completed
 * @param processes the target's processes, in the order they are reported
 * @param sampler what the profiler sampled, as the report says it
 */
public record ProfileReport(
        String date,
        String command,
        String machine,
        String load,
        String target,
        int connections,
        double seconds,
        long requests,
        List<ProcessProfile> processes,
        String sampler) {

    /** A layer gets its own column when it has at least this share of some process's samples. */
    static final double COLUMN_SHARE = 0.01;

    public ProfileReport {
        processes = List.copyOf(processes);
    }

    double perRequest(long micros) {
        return requests == 0 ? Double.NaN : (double) micros / requests;
    }

    List<CpuLayer> columns() {
        List<CpuLayer> columns = new ArrayList<>();
        for (CpuLayer layer : CpuLayer.values()) {
            if (processes.stream().anyMatch(p -> p.share(layer) >= COLUMN_SHARE)) {
                columns.add(layer);
            }
        }
        return columns;
    }

    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Profile: where the gateway's CPU goes\n\n");
        md.append(String.format(
                Locale.ROOT,
                "Target `%s` at %d connections for %.0f s: %d requests (%.0f req/s). CPU per process from"
                        + " `/proc/<pid>/stat` (user and kernel time); inside each JVM, %s by the layer of"
                        + " the stack they were spent in: the first frame from the top that is not the JDK's."
                        + " The same load ran 10 s before it under a first recording that was thrown away, so"
                        + " that the profiler's own start in each JVM is not in the figures.\n\n",
                target,
                connections,
                seconds,
                requests,
                requests / seconds,
                sampler));
        md.append("Command:\n\n```sh\n").append(command).append("\n```\n\n");
        md.append("Run: ")
                .append(date)
                .append(" — ")
                .append(machine)
                .append("; load average ")
                .append(load)
                .append(".\n\n");
        md.append("## CPU per request, by process\n\n");
        md.append("| process | user µs | kernel µs | total µs | of it collector pauses µs | samples |\n");
        md.append("|---|---|---|---|---|---|\n");
        long user = 0;
        long system = 0;
        for (ProcessProfile p : processes) {
            user += p.userMicros();
            system += p.systemMicros();
            md.append("| ")
                    .append(p.process())
                    .append(" | ")
                    .append(fmt(perRequest(p.userMicros())))
                    .append(" | ")
                    .append(fmt(perRequest(p.systemMicros())))
                    .append(" | ")
                    .append(fmt(perRequest(p.userMicros() + p.systemMicros())))
                    .append(" | ")
                    .append(
                            p.samples() == 0 || p.gcPauseMicros() == ProcessProfile.UNKNOWN
                                    ? "n/a"
                                    : fmt(perRequest(p.gcPauseMicros())))
                    .append(" | ")
                    .append(p.samples() == 0 ? "n/a" : Long.toString(p.samples()))
                    .append(" |\n");
        }
        md.append("| **all** | ")
                .append(fmt(perRequest(user)))
                .append(" | ")
                .append(fmt(perRequest(system)))
                .append(" | **")
                .append(fmt(perRequest(user + system)))
                .append("** | | |\n\n");
        List<CpuLayer> columns = columns();
        md.append("## Samples by layer (share of each JVM's samples)\n\n");
        md.append("| process |");
        columns.forEach(c -> md.append(' ').append(c.label()).append(" |"));
        md.append("\n|---|");
        columns.forEach(c -> md.append("---|"));
        md.append('\n');
        for (ProcessProfile p : processes) {
            if (p.samples() == 0) {
                continue;
            }
            md.append("| ").append(p.process()).append(" |");
            columns.forEach(c -> md.append(' ').append(pct(p.share(c))).append(" |"));
            md.append('\n');
        }
        md.append("\n## Hottest methods (share of the process's samples)\n\n");
        for (ProcessProfile p : processes) {
            if (p.samples() == 0) {
                continue;
            }
            md.append("- **").append(p.process()).append("**: ");
            List<String> items = new ArrayList<>();
            for (Map.Entry<String, Long> e : p.topMethods().entrySet()) {
                items.add("`" + e.getKey() + "` " + pct((double) e.getValue() / p.samples()));
            }
            md.append(String.join(", ", items)).append('\n');
        }
        return md.toString();
    }

    public String json() {
        StringBuilder json = new StringBuilder("{\n");
        json.append("  \"benchmark\": \"profile\",\n");
        json.append("  \"date\": \"").append(date).append("\",\n");
        json.append("  \"command\": \"").append(command.replace("\"", "\\\"")).append("\",\n");
        json.append("  \"target\": \"").append(target).append("\",\n");
        json.append("  \"connections\": ").append(connections).append(",\n");
        json.append("  \"sampler\": \"").append(sampler.replace("\"", "\\\"")).append("\",\n");
        json.append("  \"seconds\": ").append(fmt(seconds)).append(",\n");
        json.append("  \"requests\": ").append(requests).append(",\n");
        json.append("  \"processes\": {\n");
        for (int i = 0; i < processes.size(); i++) {
            ProcessProfile p = processes.get(i);
            json.append("    \"").append(p.process()).append("\": {");
            json.append("\"user_us_per_request\": ").append(number(perRequest(p.userMicros())));
            json.append(", \"kernel_us_per_request\": ").append(number(perRequest(p.systemMicros())));
            json.append(", \"gc_pause_us_per_request\": ")
                    .append(
                            p.gcPauseMicros() == ProcessProfile.UNKNOWN
                                    ? "null"
                                    : number(perRequest(p.gcPauseMicros())));
            json.append(", \"samples\": ").append(p.samples());
            json.append(", \"layer_share\": {");
            List<String> shares = new ArrayList<>();
            for (CpuLayer layer : CpuLayer.values()) {
                if (p.layerSamples().containsKey(layer)) {
                    shares.add("\"" + layer.name().toLowerCase(Locale.ROOT) + "\": "
                            + String.format(Locale.ROOT, "%.4f", p.share(layer)));
                }
            }
            json.append(String.join(", ", shares)).append("}}");
            json.append(i + 1 < processes.size() ? "," : "").append('\n');
        }
        json.append("  }\n}\n");
        return json.toString();
    }

    private static String fmt(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.0f", value);
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "null" : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String pct(double share) {
        return String.format(Locale.ROOT, "%.1f %%", share * 100);
    }
}
