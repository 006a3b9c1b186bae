package io.aigw.bench.soak;

import io.aigw.bench.BenchCommandLine;
import io.aigw.bench.soak.adapter.out.SoakClient;
import io.aigw.bench.soak.application.SoakRun;
import io.aigw.bench.soak.domain.SoakReport;
import io.aigw.launcher.LocalStack;
import io.aigw.launcher.Service;
import io.aigw.launcher.StackListener;
import io.aigw.launcher.StackSpec;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./aigw bench soak}: simulator, cache, billing, routing and gateway from the real jars on free
 * loopback ports with an embedded Redis, a steady open-loop load with a mix of streams, cache hits,
 * provider failures and client errors for (by default) 30 minutes, then the slope of heap and RSS
 * per service after warm-up and whether errors grew. Not a CI test.
 */
public final class SoakBenchCommand {

    private static final List<Service> SERVICES =
            List.of(Service.SIMULATOR, Service.CACHE, Service.BILLING, Service.ROUTING, Service.GATEWAY);

    /**
     * The launcher's defaults, plus native memory tracking (so RSS growth can be put down to a
     * category) and the heap touched at start: committed heap pages otherwise enter RSS one by one as
     * the old generation first fills, growth that stops at -Xmx and is not a leak. The heap itself is
     * judged by its live data after full collections.
     */
    private static final List<String> JAVA_OPTS = java.util.stream.Stream.concat(
                    StackSpec.DEFAULT_JAVA_OPTS.stream(),
                    java.util.stream.Stream.of("-XX:+AlwaysPreTouch", "-XX:NativeMemoryTracking=summary"))
            .toList();

    private final PrintStream out;
    private final PrintStream err;

    public SoakBenchCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int run(String[] args) {
        return BenchCommandLine.run(args, SoakBenchOptions.HELP, SoakBenchOptions::parse, this::soak, out, err);
    }

    private int soak(SoakBenchOptions options) throws IOException {
        Path logs = options.root().resolve("bench/target/bench-logs/soak");
        StackSpec spec = StackSpec.builder(options.root())
                .services(SERVICES)
                .randomFreePorts()
                .embeddedRedis()
                .logDirectory(logs)
                .javaOpts(JAVA_OPTS)
                // the load is about memory over time, not plans: the demo tenant has no limits
                .env(Service.GATEWAY, "AIGW_DEMO_PLAN", "enterprise")
                // a ledger of its own per run: a database file an earlier run left half-written
                // (stopped while it wrote) failed every ledger insert of the next run
                .env(
                        Service.BILLING,
                        "AIGW_DATA_DIR",
                        logs.resolve("billing-data-" + System.currentTimeMillis())
                                .toString())
                .healthTimeout(Duration.ofSeconds(600))
                .listener(new StackListener() {
                    @Override
                    public void serviceReady(Service service, Duration sinceStart) {
                        out.printf("bench:   %s ready after %d s%n", service.moduleName(), sinceStart.toSeconds());
                    }
                })
                .build();
        out.printf("bench: soak: starting the stack (logs in %s)%n", logs);
        String date = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        double loadAtStart = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        SoakRun.Result result;
        try (LocalStack stack = LocalStack.start(spec)) {
            String simulator = stack.url(Service.SIMULATOR);
            // a provider that takes a moment, and a cheapest deployment that fails now and then
            simulate(simulator, "gpt-4o-mini", "{\"time_to_first_token\":\"100ms\",\"per_token_delay\":\"4ms\"}");
            simulate(simulator, "sim-weak", "{\"failure_rate\":0.1,\"failure_kind\":\"500\"}");
            Map<String, SoakRun.Target> targets = new LinkedHashMap<>();
            for (Service service : SERVICES) {
                targets.put(service.moduleName(), new SoakRun.Target(stack.url(service), stack.pid(service)));
            }
            out.printf(
                    "bench: soak: %.1f requests/s for %d min after a warm-up of %d min at %.1f requests/s%n",
                    options.rps(),
                    options.duration().minus(options.warmup()).toMinutes(),
                    options.warmup().toMinutes(),
                    options.warmupRps());
            result = new SoakRun(new SoakClient(stack.url(Service.GATEWAY), stack.demoKey()), targets, out, 256)
                    .run(
                            options.duration(),
                            options.warmup(),
                            options.warmupRps(),
                            options.rps(),
                            options.sampleEvery());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("bench: interrupted");
            return 1;
        }
        double loadAtEnd = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        String machine = String.format(
                Locale.ROOT,
                "%d cores, Java %s, load average %.1f at the start and %.1f at the end (the machine is shared),"
                        + " JVM options %s",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                loadAtStart,
                loadAtEnd,
                String.join(" ", spec.javaOpts()));
        SoakReport.Run run = new SoakReport.Run(
                "./aigw bench soak" + (options.userArgs().isEmpty() ? "" : " " + String.join(" ", options.userArgs())),
                date,
                options.duration().toMillis() / 60_000.0,
                options.warmup().toMillis() / 60_000.0,
                options.warmupRps(),
                options.rps(),
                SoakRun.MIX,
                machine);
        SoakReport report = SoakReport.of(
                run, result.samples(), result.windows(), options.warmup().toSeconds(), result.nativeMemory());
        Files.createDirectories(options.out());
        Path markdown = options.out().resolve("soak.md");
        Path json = options.out().resolve("soak.json");
        Files.writeString(markdown, report.markdown());
        Files.writeString(json, report.json());
        out.println();
        report.markdown().lines().filter(line -> line.startsWith("|")).forEach(out::println);
        out.println("bench: wrote " + markdown + " and " + json);
        return report.passed() ? 0 : 1;
    }

    private static void simulate(String simulator, String model, String profile) throws IOException {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(simulator + "/sim/models/" + model))
                                    .header("Content-Type", "application/json")
                                    .PUT(HttpRequest.BodyPublishers.ofString(profile))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IOException("simulator control answered " + response.statusCode() + ": " + response.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
