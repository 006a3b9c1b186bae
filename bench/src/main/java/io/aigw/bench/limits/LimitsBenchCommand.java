package io.aigw.bench.limits;

import io.aigw.bench.BenchCommandLine;
import io.aigw.bench.limits.adapter.out.azure.AzureTraceFile;
import io.aigw.bench.limits.adapter.out.http.JdkChatClient;
import io.aigw.bench.limits.adapter.out.http.PrometheusScrape;
import io.aigw.bench.limits.adapter.out.http.SimulatorLimits;
import io.aigw.bench.limits.adapter.out.redis.LettuceReservationTiming;
import io.aigw.bench.limits.application.OpenLoopLoad;
import io.aigw.bench.limits.application.RetryAfterProbe;
import io.aigw.bench.limits.domain.Arrival;
import io.aigw.bench.limits.domain.ClientTally;
import io.aigw.bench.limits.domain.JsonReport;
import io.aigw.bench.limits.domain.LimitsReport;
import io.aigw.bench.limits.domain.LoadShape;
import io.aigw.bench.limits.domain.MarkdownReport;
import io.aigw.bench.limits.domain.ProbeResult;
import io.aigw.bench.limits.domain.RequestResult;
import io.aigw.bench.limits.domain.ReservationLatency;
import io.aigw.bench.limits.domain.RoutingCounters;
import io.aigw.bench.limits.domain.RunResult;
import io.aigw.bench.limits.domain.SimulatorModelStats;
import io.aigw.bench.limits.domain.TraceRequest;
import io.aigw.bench.limits.domain.Utilization;
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
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code ./aigw bench limits}: per run, one embedded Redis, the simulator, and two routing replicas
 * each behind its own gateway (two {@link LocalStack}s: the second shares the first's Redis,
 * simulator and secrets), all on free loopback ports; drives the Azure trace open-loop through both
 * gateways with {@code model: auto}, reads what the simulator and routing counted, checks {@code
 * retry-after}, and stops every process it started. Once with reservations in Redis, once with each
 * replica counting alone; then the reservation micro-benchmark; then the report.
 *
 * <p>Each gateway talks to one routing replica: the gateway takes a single routing URL, and pinning
 * gives each replica exactly half the arrivals, which is what makes the local-store run overshoot.
 */
public final class LimitsBenchCommand {

    static final String CHEAP_MODEL = "llama-3-8b";
    static final String CHEAP_UPSTREAM = "sim-weak";
    static final String SPILL_MODEL = "gpt-4o-mini";
    static final String SPILL_UPSTREAM = "gpt-4o-mini";
    static final String STRONG_UPSTREAM = "sim-strong";
    // sim-strong's shipped limits, repeated to routing so both stay in agreement (auto never gets there)
    static final long STRONG_RPM = 120;
    static final long STRONG_TPM = 100_000;
    /** llama-3-8b's context window in routing's catalog. */
    static final int CHEAP_CONTEXT_WINDOW = 8192;

    static final int REPLICAS = 2;
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    static final int WARM_UP_REQUESTS = 40;

    private final PrintStream out;
    private final PrintStream err;

    public LimitsBenchCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int run(String[] args) {
        return BenchCommandLine.run(args, LimitsBenchOptions.HELP, LimitsBenchOptions::parse, this::run, out, err);
    }

    private int run(LimitsBenchOptions options) throws IOException {
        long started = System.nanoTime();
        Path traceFile = options.traceFile();
        if (!Files.isRegularFile(traceFile)) {
            throw new IllegalArgumentException("no Azure trace at " + traceFile + " (set --data or AIGW_SHARED_DATA)");
        }
        List<TraceRequest> trace = AzureTraceFile.read(traceFile);
        LoadShape shape =
                new LoadShape(options.speed(), options.duration(), CHEAP_CONTEXT_WINDOW, options.maxOutput(), REPLICAS);
        List<Arrival> schedule = shape.schedule(trace);
        LimitsReport.Setup setup = setup(options, traceFile, trace.size(), shape, schedule);
        out.printf(
                "bench: %s: %d rows; %d arrivals in %d s (x%s), %.0f requests and %.0f tokens offered per minute"
                        + " against %s's %d RPM / %d TPM%n",
                traceFile.getFileName(),
                trace.size(),
                schedule.size(),
                options.duration().toSeconds(),
                options.speed(),
                setup.offeredRequestsPerMinute(),
                setup.offeredTokensPerMinute(),
                CHEAP_MODEL,
                options.rpm(),
                options.tpm());
        String date = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        List<RunResult> runs = new ArrayList<>();
        List<ReservationLatency> timings = new ArrayList<>();
        for (String store : options.stores()) {
            runs.add(runOnce(store, schedule, options, timings));
        }
        LimitsReport report = new LimitsReport(
                date,
                options.commandLine(),
                machine(),
                setup,
                runs,
                timings,
                Duration.ofNanos(System.nanoTime() - started));
        Files.createDirectories(options.out());
        Path markdown = options.out().resolve("limits.md");
        Path json = options.out().resolve("limits.json");
        String rendered = MarkdownReport.render(report);
        Files.writeString(markdown, rendered, StandardCharsets.UTF_8);
        Files.writeString(json, JsonReport.render(report), StandardCharsets.UTF_8);
        out.println();
        rendered.lines().filter(line -> line.startsWith("|")).forEach(out::println);
        out.println("bench: wrote " + markdown + " and " + json);
        return 0;
    }

    private RunResult runOnce(
            String store, List<Arrival> schedule, LimitsBenchOptions options, List<ReservationLatency> timings) {
        Path logs = options.root().resolve("bench/target/bench-logs/limits-" + store);
        StackSpec first = withRunSettings(
                        StackSpec.builder(options.root())
                                .services(Service.SIMULATOR, Service.ROUTING, Service.GATEWAY)
                                .randomFreePorts()
                                .embeddedRedis()
                                .logDirectory(logs.resolve("replica-1"))
                                // fine-grained fixed windows, so the steady part can start a minute in
                                .env(Service.SIMULATOR, "AIGW_SIMULATOR_STATS_WINDOW", "10s"),
                        store,
                        options)
                .build();
        out.printf("bench: run store=%s: starting Redis, simulator, routing and gateway (logs in %s)%n", store, logs);
        try (LocalStack stack = LocalStack.start(first)) {
            StackSpec second = withRunSettings(
                            StackSpec.builder(options.root())
                                    .services(Service.ROUTING, Service.GATEWAY)
                                    .randomFreePorts()
                                    .redisUrl(stack.redisUrl())
                                    .internalToken(stack.internalToken())
                                    .demoKey(stack.demoKey())
                                    .logDirectory(logs.resolve("replica-2"))
                                    .env(
                                            Service.ROUTING,
                                            Service.SIMULATOR.urlVariable(),
                                            stack.url(Service.SIMULATOR)),
                            store,
                            options)
                    .build();
            out.printf("bench: run store=%s: starting the second routing and gateway%n", store);
            try (LocalStack replica = LocalStack.start(second)) {
                return drive(store, stack, replica, schedule, options, timings);
            }
        }
    }

    /** What both stacks of a run share: routing's store and limits, the health timeout, progress lines. */
    private StackSpec.Builder withRunSettings(StackSpec.Builder builder, String store, LimitsBenchOptions options) {
        return builder.env(Service.ROUTING, "AIGW_ROUTING_LIMITS_STORE", store)
                .env(Service.ROUTING, "AIGW_SIM_WEAK_RPM", Long.toString(options.rpm()))
                .env(Service.ROUTING, "AIGW_SIM_WEAK_TPM", Long.toString(options.tpm()))
                .env(Service.ROUTING, "AIGW_SIM_STRONG_RPM", Long.toString(STRONG_RPM))
                .env(Service.ROUTING, "AIGW_SIM_STRONG_TPM", Long.toString(STRONG_TPM))
                .healthTimeout(Duration.ofSeconds(180))
                .listener(new StackListener() {
                    @Override
                    public void serviceReady(Service service, Duration sinceStart) {
                        out.printf("bench:   %s ready after %d s%n", service.moduleName(), sinceStart.toSeconds());
                    }
                });
    }

    private RunResult drive(
            String store,
            LocalStack stack,
            LocalStack replica,
            List<Arrival> schedule,
            LimitsBenchOptions options,
            List<ReservationLatency> timings) {
        List<String> gateways = List.of(stack.url(Service.GATEWAY), replica.url(Service.GATEWAY));
        List<String> routings = List.of(stack.url(Service.ROUTING), replica.url(Service.ROUTING));
        JdkChatClient client = new JdkChatClient(gateways, stack.demoKey(), REQUEST_TIMEOUT);
        SimulatorLimits simulator = new SimulatorLimits(stack.url(Service.SIMULATOR));
        warmUp(client);
        // a clean slate after the warm-up: limiter windows, stats and profiles
        simulator.reset();
        simulator.fastProfile(CHEAP_UPSTREAM, options.maxOutput(), options.rpm(), options.tpm());
        simulator.fastProfile(SPILL_UPSTREAM, options.maxOutput(), 0, 0);
        simulator.fastProfile(STRONG_UPSTREAM, options.maxOutput(), STRONG_RPM, STRONG_TPM);

        out.printf(
                "bench: run store=%s: %d arrivals over %d s%n",
                store, schedule.size(), options.duration().toSeconds());
        AtomicReference<Instant> loadStart = new AtomicReference<>();
        List<RequestResult> results = new OpenLoopLoad(
                        client, options.maxInFlight(), REQUEST_TIMEOUT.plusSeconds(10), out)
                .run(schedule, "auto", loadStart::set);
        Instant loadEnd = Instant.now();
        SimulatorModelStats cheap = simulator.stats(CHEAP_UPSTREAM);
        SimulatorModelStats spill = simulator.stats(SPILL_UPSTREAM);
        PrometheusScrape scrape = new PrometheusScrape();
        RoutingCounters counters =
                RoutingCounters.of(routings.stream().map(scrape::scrape).toList(), CHEAP_MODEL);
        ClientTally tally = ClientTally.of(results);
        Utilization utilization =
                Utilization.of(results, CHEAP_MODEL, options.duration(), options.rpm(), options.tpm());
        out.printf(
                "bench: run store=%s: %d answered, %d refused, %d failed, %d shed; simulator 429s for %s: %d;"
                        + " utilization RPM %.1f %%, TPM %.1f %%%n",
                store,
                tally.answered(),
                tally.refused(),
                tally.failed(),
                tally.shed(),
                CHEAP_UPSTREAM,
                cheap.rejectedRequests(),
                100 * utilization.ofRpm(),
                100 * utilization.ofTpm());
        ProbeResult probe = new RetryAfterProbe(client).run(CHEAP_MODEL);
        out.printf("bench: run store=%s: retry-after probe: %s%n", store, probe);
        if (store.equals("redis") && options.timingIterations() > 0) {
            timings.addAll(time(stack.redisUrl(), options));
        }
        return new RunResult(store, loadStart.get(), loadEnd, tally, cheap, spill, utilization, counters, probe);
    }

    /** The JIT's first passes over every service, on the unlimited model, before the simulator is reset. */
    private void warmUp(JdkChatClient client) {
        for (int i = 0; i < WARM_UP_REQUESTS; i++) {
            Arrival arrival = new Arrival(i, Duration.ZERO, 500, 50, i % REPLICAS);
            RequestResult r = client.send(arrival, SPILL_MODEL).join();
            if (r.status() != 200) {
                throw new IllegalStateException("warm-up request " + i + " got " + r.status() + " " + r.detail());
            }
        }
    }

    private List<ReservationLatency> time(String redisUrl, LimitsBenchOptions options) {
        out.printf("bench: timing reservation + settlement against %s%n", redisUrl);
        List<ReservationLatency> timings = new ArrayList<>();
        try (LettuceReservationTiming timing = new LettuceReservationTiming(redisUrl, options.root())) {
            for (int callers : new int[] {1, 4}) {
                ReservationLatency t = timing.measure(callers, options.timingIterations(), 2_000 / callers);
                out.printf(
                        "bench:   %d caller(s): p50 %.3f ms, p99 %.3f ms, %.0f pairs/s%n",
                        callers, t.latency().p50Millis(), t.latency().p99Millis(), t.pairsPerSecond());
                timings.add(t);
            }
        }
        return timings;
    }

    private static LimitsReport.Setup setup(
            LimitsBenchOptions options, Path traceFile, int rows, LoadShape shape, List<Arrival> schedule) {
        double minutes = options.duration().toMillis() / 60_000.0;
        long prompt = schedule.stream().mapToLong(Arrival::promptTokens).sum();
        long output = schedule.stream().mapToLong(Arrival::maxTokens).sum();
        int n = Math.max(1, schedule.size());
        return new LimitsReport.Setup(
                traceFile.getFileName().toString(),
                rows,
                shape,
                schedule.size(),
                prompt / (double) n,
                output / (double) n,
                schedule.size() / minutes,
                (prompt + output) / minutes,
                CHEAP_MODEL,
                CHEAP_UPSTREAM,
                SPILL_MODEL,
                options.rpm(),
                options.tpm(),
                options.maxInFlight(),
                REPLICAS);
    }

    private static String machine() {
        return Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version") + ", "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch");
    }
}
