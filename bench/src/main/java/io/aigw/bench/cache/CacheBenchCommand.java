package io.aigw.bench.cache;

import io.aigw.bench.BenchCommandLine;
import io.aigw.bench.cache.adapter.out.harness.SemanticHarnessProcess;
import io.aigw.bench.cache.adapter.out.http.JdkCacheClient;
import io.aigw.bench.cache.adapter.out.redis.RoutingExactReadTiming;
import io.aigw.bench.cache.application.SequentialTimer;
import io.aigw.bench.cache.domain.CacheLatencyReport;
import io.aigw.bench.cache.domain.Latency;
import io.aigw.bench.cache.domain.MachineLoad;
import io.aigw.bench.cache.domain.SemanticTimings;
import io.aigw.launcher.LocalStack;
import io.aigw.launcher.Service;
import io.aigw.launcher.StackListener;
import io.aigw.launcher.StackSpec;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./aigw bench cache}: the cache latency benchmark. Waits (bounded) for a quiet machine; runs
 * cache-service's in-process semantic harness against a dedicated PostgreSQL schema (fill, HNSW
 * build, timed {@code LookupAnswer} lookups with embedding and index timed on their own); then
 * starts cache-service from its jar on a free loopback port against the same Redis and schema, times
 * exact hits over HTTP and the Redis {@code GET} alone, and the semantic lookups over HTTP; removes
 * its tenant's keys, stops the service, drops the schema, and updates {@code cache.md} (the {@code
 * ## Latency} section) and {@code cache.json} (added keys).
 */
public final class CacheBenchCommand {

    static final String MODEL = "gpt-4o-mini";
    static final long HARNESS_TIMEOUT_SECONDS = 1200;

    private final PrintStream out;
    private final PrintStream err;

    public CacheBenchCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int run(String[] args) {
        return BenchCommandLine.run(args, CacheBenchOptions.HELP, CacheBenchOptions::parse, this::run, out, err);
    }

    private int run(CacheBenchOptions options) throws IOException {
        long started = System.nanoTime();
        Path jar = Service.CACHE.jar(options.root());
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException(
                    "no cache-service jar at " + jar + " (./mvnw -pl cache-service -am package)");
        }
        if (!Files.isRegularFile(options.pairs())) {
            throw new IllegalArgumentException("no dev set at " + options.pairs() + " (--pairs)");
        }
        Path logs = options.root().resolve("bench/target/bench-logs/cache");
        Files.createDirectories(logs);
        MachineLoad load = waitForQuiet(options);
        Duration waited = Duration.ofNanos(System.nanoTime() - started);
        started = System.nanoTime();
        String date = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        String run = Long.toString(System.currentTimeMillis(), 36);
        String semanticTenant = "bench-cache-" + run;
        String exactTenant = "bench-cache-exact-" + run;
        SemanticHarnessProcess harness =
                new SemanticHarnessProcess(javaExecutable(), jar, logs.resolve("semantic-harness.log"), out);
        try {
            out.printf(
                    "bench: semantic: filling schema %s with %,d entries in %d scopes, building HNSW, timing %d"
                            + " lookups in process (log: %s)%n",
                    options.schema(), options.entries(), options.scopes(), options.lookups(), logs);
            SemanticTimings semantic = harness.run(
                    List.of(
                            "--postgres", options.postgres(),
                            "--schema", options.schema(),
                            "--tenant", semanticTenant,
                            "--pairs", options.pairs().toString(),
                            "--entries", Integer.toString(options.entries()),
                            "--scopes", Integer.toString(options.scopes()),
                            "--lookups", Integer.toString(options.lookups()),
                            "--warm-up", Integer.toString(options.warmUp())),
                    logs.resolve("semantic-timings.json"),
                    HARNESS_TIMEOUT_SECONDS);
            CacheLatencyReport report =
                    overHttp(options, logs, semantic, semanticTenant, exactTenant, date, load, waited, started);
            write(options, report);
            return 0;
        } finally {
            out.println("bench: dropping schema " + options.schema());
            try {
                harness.drop(options.postgres(), options.schema());
            } catch (RuntimeException | IOException e) {
                err.println("bench: could not drop schema " + options.schema() + ": " + e.getMessage());
            }
        }
    }

    private CacheLatencyReport overHttp(
            CacheBenchOptions options,
            Path logs,
            SemanticTimings semantic,
            String semanticTenant,
            String exactTenant,
            String date,
            MachineLoad load,
            Duration waited,
            long started)
            throws IOException {
        StackSpec spec = StackSpec.builder(options.root())
                .services(Service.CACHE)
                .randomFreePorts()
                .redisUrl(options.redis())
                .env(Service.CACHE, "AIGW_POSTGRES_URL", options.schemaUrl())
                .logDirectory(logs.resolve("service"))
                .healthTimeout(Duration.ofSeconds(180))
                .listener(new StackListener() {
                    @Override
                    public void serviceReady(Service service, Duration sinceStart) {
                        out.printf("bench:   %s ready after %d s%n", service.moduleName(), sinceStart.toSeconds());
                    }
                })
                .build();
        out.println("bench: starting cache-service (Redis " + options.redis() + ", schema " + options.schema() + ")");
        try (LocalStack stack = LocalStack.start(spec)) {
            JdkCacheClient client = new JdkCacheClient(stack.url(Service.CACHE), stack.internalToken());
            try {
                List<String> exactBodies = new ArrayList<>();
                for (int i = 0; i < options.exactEntries(); i++) {
                    exactBodies.add(request("Exact benchmark question number " + i
                            + ": how do I reverse a linked list in Java without recursion?"));
                    if (!client.store(exactTenant, storeBody(exactBodies.get(i)))) {
                        throw new IllegalStateException("cache-service did not store exact entry " + i);
                    }
                }
                out.printf(
                        "bench: exact: %d entries stored; timing %d lookups over HTTP%n",
                        exactBodies.size(), options.lookups());
                SequentialTimer.Timed exact = SequentialTimer.run(
                        options.warmUp(),
                        options.lookups(),
                        i -> client.lookup(exactTenant, lookupBody(exactBodies.get(i % exactBodies.size()))));
                out.printf(
                        "bench: exact: %s; timing %d reads as routing does them (key, GET, decode, parse)%n",
                        Latency.ofNanos(exact.nanos()), options.lookups());
                long[] routingRead = RoutingExactReadTiming.time(
                        options.redis(), exactTenant, exactBodies, options.warmUp(), options.lookups());
                List<String> asked = column(options.pairs(), "b");
                out.printf("bench: semantic: timing %d lookups over HTTP%n", options.lookups());
                SequentialTimer.Timed semanticHttp = SequentialTimer.run(
                        options.warmUp(),
                        options.lookups(),
                        i -> client.lookup(semanticTenant, lookupBody(request(asked.get(i % asked.size())))));
                MachineLoad after = MachineLoad.parse(loadavg());
                return new CacheLatencyReport(
                        date,
                        options.commandLine(),
                        machine(),
                        load,
                        after,
                        exactBodies.size(),
                        Latency.ofNanos(exact.nanos()),
                        Latency.ofNanos(routingRead),
                        exact.results(),
                        semantic,
                        Latency.ofNanos(semanticHttp.nanos()),
                        semanticHttp.results(),
                        waited,
                        Duration.ofNanos(System.nanoTime() - started));
            } finally {
                out.println("bench: removing the benchmark tenants' entries: " + client.invalidate(exactTenant));
                client.invalidate(semanticTenant);
            }
        }
    }

    private void write(CacheBenchOptions options, CacheLatencyReport report) throws IOException {
        Files.createDirectories(options.out());
        Path markdown = options.out().resolve("cache.md");
        Path json = options.out().resolve("cache.json");
        String existingMd = Files.exists(markdown) ? Files.readString(markdown) : "# Cache benchmarks\n";
        String existingJson = Files.exists(json) ? Files.readString(json) : "";
        String section = report.markdownSection();
        Files.writeString(markdown, CacheLatencyReport.withSection(existingMd, section), StandardCharsets.UTF_8);
        Files.writeString(json, CacheLatencyReport.withKeys(existingJson, report.jsonKeys()), StandardCharsets.UTF_8);
        out.println();
        section.lines().filter(line -> line.startsWith("|")).forEach(out::println);
        out.println(
                "bench: load average " + report.loadBefore() + " at the start, " + report.loadAfter() + " at the end");
        out.println("bench: wrote " + markdown + " and " + json);
    }

    private MachineLoad waitForQuiet(CacheBenchOptions options) {
        long deadline = System.nanoTime() + options.loadWait().toNanos();
        MachineLoad load = MachineLoad.parse(loadavg());
        while (load.known() && load.one() >= options.maxLoad() && System.nanoTime() < deadline) {
            out.printf(
                    "bench: load average %s, waiting for < %.1f (for at most %d s in all)%n",
                    load, options.maxLoad(), options.loadWait().toSeconds());
            try {
                Thread.sleep(15_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            load = MachineLoad.parse(loadavg());
        }
        out.println("bench: load average " + load + " when the measurements start");
        return load;
    }

    private static String loadavg() {
        try {
            return Files.readString(Path.of("/proc/loadavg"));
        } catch (IOException e) {
            return "";
        }
    }

    private static String request(String prompt) {
        JsonMapper json = JsonMapper.builder().build();
        var body = json.createObjectNode();
        body.put("model", MODEL);
        body.putArray("messages").addObject().put("role", "user").put("content", prompt);
        return json.writeValueAsString(body);
    }

    private static String lookupBody(String request) {
        return "{\"request\":" + request + ",\"mode\":\"on\"}";
    }

    private static String storeBody(String request) {
        String response = "{\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion\",\"model\":\"" + MODEL + "\","
                + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\""
                + "Walk the list once, keeping the previous node: for each node save next, point next at prev,"
                + " move prev and the current node one step. prev is the new head when the current node is null."
                + "\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":24,\"completion_tokens\":48,"
                + "\"total_tokens\":72}}";
        return "{\"request\":" + request + ",\"response\":" + response + ",\"costUsd\":0.0001}";
    }

    private static List<String> column(Path pairs, String field) throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        List<String> values = new ArrayList<>();
        for (String line : Files.readAllLines(pairs)) {
            if (!line.isBlank()) {
                values.add(json.readTree(line).path(field).asString());
            }
        }
        return values;
    }

    private static Path javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    private static String machine() {
        String cpu = "";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip())
                    .findFirst()
                    .map(name -> name + ", ")
                    .orElse("");
        } catch (IOException e) {
            // not Linux: the core count alone
        }
        return Runtime.getRuntime().availableProcessors() + " cores (shared), " + cpu + "Java "
                + System.getProperty("java.version") + ", " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch");
    }
}
