package io.aigw.e2e.reliability;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Collects each reliability scenario's measured outcome and, when the test JVM ends, writes them to
 * {@code reliability.md} and {@code reliability.json} in {@code -Daigw.reliability.reportDir} (relative
 * to the project root; default {@code e2e-tests/target/reliability}, so a CI run leaves the
 * committed report in {@code docs/benchmarks/} alone). A scenario records before it asserts, so a
 * failed criterion is reported with its numbers.
 */
public final class ReliabilityReport implements BeforeAllCallback {

    static final String COMMAND =
            "eval \"$(bash scripts/ensure-test-infra.sh 2>/dev/null)\"; ./mvnw -B verify -pl e2e-tests -am"
                    + " -Dit.test='Reliability*' -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false"
                    + " -Dfailsafe.failIfNoSpecifiedTests=false -Daigw.reliability.reportDir=docs/benchmarks";

    /** The order scenarios appear in, whatever order the test classes ran in. */
    private static final List<String> ORDER = List.of(
            "provider-faults",
            "redis-restart",
            "postgres-restart",
            "billing-kill",
            "routing-replica-kill",
            "connections");

    /** One scenario's outcome: what it promises, what was measured, and whether the promise held. */
    record Scenario(String id, String title, String criterion, boolean passed, Map<String, Object> measured) {}

    private static final List<Scenario> scenarios = new CopyOnWriteArrayList<>();
    private static final double[] loadAtStart = loadAverage();
    private static final Instant startedAt = Instant.now();
    private static boolean registered;

    @Override
    public synchronized void beforeAll(ExtensionContext context) {
        if (registered) {
            return;
        }
        registered = true;
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put("aigw-reliability-report", (AutoCloseable)
                ReliabilityReport::write);
    }

    static void record(Scenario scenario) {
        scenarios.removeIf(s -> s.id().equals(scenario.id()));
        scenarios.add(scenario);
    }

    /** Counts, success share and latency of a set of outcomes. */
    static Map<String, Object> stats(List<Outcome> outcomes) {
        Map<String, Object> stats = new LinkedHashMap<>();
        long ok = outcomes.stream().filter(Outcome::ok).count();
        stats.put("requests", outcomes.size());
        stats.put("succeeded", ok);
        stats.put("success_pct", outcomes.isEmpty() ? 100.0 : round(100.0 * ok / outcomes.size(), 3));
        Map<Outcome.Result, Long> byResult = new EnumMap<>(Outcome.Result.class);
        outcomes.forEach(o -> byResult.merge(o.result(), 1L, Long::sum));
        Map<String, Long> results = new LinkedHashMap<>();
        byResult.forEach((result, n) -> results.put(result.name().toLowerCase(Locale.ROOT), n));
        stats.put("results", results);
        List<Double> latencies =
                outcomes.stream().map(Outcome::latencyMs).sorted().toList();
        stats.put("latency_p50_ms", round(percentile(latencies, 50), 1));
        stats.put("latency_p99_ms", round(percentile(latencies, 99), 1));
        stats.put("latency_max_ms", round(latencies.isEmpty() ? 0 : latencies.get(latencies.size() - 1), 1));
        return stats;
    }

    static double successPct(List<Outcome> outcomes) {
        return outcomes.isEmpty()
                ? 100.0
                : 100.0 * outcomes.stream().filter(Outcome::ok).count() / outcomes.size();
    }

    static double percentile(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    static double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }

    private static synchronized void write() {
        if (scenarios.isEmpty()) {
            return;
        }
        Path root = Path.of(System.getProperty("aigw.e2e.projectRoot", ".."))
                .toAbsolutePath()
                .normalize();
        String dir = System.getProperty("aigw.reliability.reportDir", "");
        Path out = root.resolve(dir.isBlank() ? "e2e-tests/target/reliability" : dir);
        List<Scenario> ordered = new ArrayList<>(scenarios);
        ordered.sort(Comparator.comparingInt(s -> ORDER.indexOf(s.id())));
        Map<String, Object> machine = machine();
        try {
            Files.createDirectories(out);
            Files.writeString(out.resolve("reliability.md"), markdown(ordered, machine));
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("benchmark", "reliability");
            json.put("date", startedAt.truncatedTo(ChronoUnit.SECONDS).toString());
            json.put("command", COMMAND);
            json.put("machine", machine);
            json.put("passed", ordered.stream().allMatch(Scenario::passed));
            json.put("scenarios", ordered);
            new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(out.resolve("reliability.json").toFile(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String markdown(List<Scenario> ordered, Map<String, Object> machine) {
        StringBuilder md = new StringBuilder();
        md.append("# Reliability: faults injected into the real services\n\n");
        md.append("Each scenario breaks one part of a running stack (the real service jars, the provider\n")
                .append("simulator's fault controls, processes killed and restarted) under load through the gateway,\n")
                .append("and asserts its promise; the numbers below are what the run measured. The suite is\n")
                .append("`e2e-tests/src/test/java/io/aigw/e2e/reliability/` (see `docs/testing.md`); it runs in CI\n")
                .append("(`./aigw test`), where it writes this report to `e2e-tests/target/reliability/`.\n\n");
        md.append("Command (this report):\n\n```sh\n").append(COMMAND).append("\n```\n\n");
        md.append("Run: ").append(startedAt.truncatedTo(ChronoUnit.SECONDS)).append(" — ");
        md.append(machine.entrySet().stream()
                        .map(e -> e.getKey().replace('_', ' ') + " " + e.getValue())
                        .collect(Collectors.joining(", ")))
                .append(".\n\n");
        md.append("| scenario | promise | measured | result |\n|---|---|---|---|\n");
        for (Scenario s : ordered) {
            md.append("| ")
                    .append(s.title())
                    .append(" | ")
                    .append(s.criterion())
                    .append(" | ")
                    .append(headline(s.measured()))
                    .append(" | ")
                    .append(s.passed() ? "pass" : "**FAIL**")
                    .append(" |\n");
        }
        for (Scenario s : ordered) {
            md.append("\n## ").append(s.title()).append("\n\n");
            md.append("Promise: ").append(s.criterion()).append(".\n\n");
            md.append("| measure | value |\n|---|---|\n");
            flatten("", s.measured(), md);
        }
        return md.toString();
    }

    /** The scenario's {@code headline} entry, or its first three entries. */
    private static String headline(Map<String, Object> measured) {
        Object headline = measured.get("headline");
        if (headline != null) {
            return headline.toString();
        }
        return measured.entrySet().stream()
                .limit(3)
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining("; "));
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Map<String, Object> values, StringBuilder md) {
        values.forEach((key, value) -> {
            if (key.equals("headline")) {
                return;
            }
            String name = prefix.isEmpty() ? key : prefix + "." + key;
            if (value instanceof Map<?, ?> nested) {
                flatten(name, (Map<String, Object>) nested, md);
            } else {
                md.append("| `").append(name).append("` | ").append(value).append(" |\n");
            }
        });
    }

    private static Map<String, Object> machine() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("java", System.getProperty("java.version"));
        machine.put("load_average_at_start", round(loadAtStart[0], 2));
        machine.put("load_average_at_end", round(loadAverage()[0], 2));
        machine.put(
                "duration_s",
                java.time.Duration.between(startedAt, Instant.now()).toSeconds());
        return machine;
    }

    private static double[] loadAverage() {
        return new double[] {ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()};
    }
}
