package io.aigw.bench.overhead;

import io.aigw.bench.BenchCommandLine;
import io.aigw.bench.jvm.Jcmd;
import io.aigw.bench.overhead.adapter.out.asyncprofiler.AsyncProfiler;
import io.aigw.bench.overhead.adapter.out.http.BenchClients;
import io.aigw.bench.overhead.adapter.out.http.StreamProbe;
import io.aigw.bench.overhead.adapter.out.jfr.JfrProfiler;
import io.aigw.bench.overhead.adapter.out.postgres.LedgerDatabase;
import io.aigw.bench.overhead.adapter.out.proc.ProcStats;
import io.aigw.bench.overhead.adapter.out.process.BenchTools;
import io.aigw.bench.overhead.adapter.out.process.ToolProcess;
import io.aigw.bench.overhead.adapter.out.wrk.WrkLoad;
import io.aigw.bench.overhead.application.Endpoint;
import io.aigw.bench.overhead.application.InterleavedRounds;
import io.aigw.bench.overhead.application.ProfiledRun;
import io.aigw.bench.overhead.application.Profiler;
import io.aigw.bench.overhead.domain.BaselineComparison;
import io.aigw.bench.overhead.domain.LoadRun;
import io.aigw.bench.overhead.domain.LoadSummary;
import io.aigw.bench.overhead.domain.OverheadJson;
import io.aigw.bench.overhead.domain.OverheadMarkdown;
import io.aigw.bench.overhead.domain.OverheadReport;
import io.aigw.bench.overhead.domain.ProcessProfile;
import io.aigw.bench.overhead.domain.ProfileReport;
import io.aigw.bench.overhead.domain.StreamRun;
import io.aigw.bench.overhead.domain.StreamSummary;
import io.aigw.bench.overhead.domain.Target;
import io.aigw.launcher.LocalStack;
import io.aigw.launcher.Service;
import io.aigw.launcher.StackListener;
import io.aigw.launcher.StackSpec;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code ./aigw bench overhead}: what a request pays for going through a gateway. Starts, on free
 * loopback ports, a fixed-answer nginx (the upstream), a plain nginx proxy in front of it, the Portkey
 * gateway from npm, and this gateway as deployed — gateway, routing, cache, billing, Redis — with a
 * tenant key from billing, tenant limits, provider reservations, budget holds, the exact cache and
 * usage events all on; then drives every target interleaved (see {@link InterleavedRounds}) and
 * writes {@code overhead.md} and {@code overhead.json}. Stops everything it started, by PID.
 */
public final class OverheadBenchCommand {

    /** The model the load runs ask for; routing maps it to the fixed-answer upstream. */
    static final String MODEL = "bench-fast";
    /** The model the stream runs ask for; routing maps it to the simulator. */
    static final String STREAM_MODEL = "bench-stream";

    /** The connection count the added-latency target is set at. */
    static final int PROFILE_CONNECTIONS = 16;

    /** billing's ledger schema in the PostgreSQL of {@code --postgres}, dropped after the run */
    static final String LEDGER_SCHEMA = "overhead_bench";
    /** the A/B run's baseline billing's schema, likewise */
    static final String BASELINE_LEDGER_SCHEMA = "overhead_bench_base";
    /** billing's connection pool (its shipped size, set so its server processes can be awaited) */
    static final int BILLING_POOL = 8;
    /** ms: longer than any run */
    static final long BILLING_CONNECTION_LIFETIME = 3 * 60 * 60 * 1000L;

    static final int STREAM_TOKENS = 32;
    static final Duration STREAM_TOKEN_DELAY = Duration.ofMillis(1);

    private final PrintStream out;
    private final PrintStream err;

    public OverheadBenchCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int run(String[] args) {
        return BenchCommandLine.run(args, OverheadBenchOptions.HELP, OverheadBenchOptions::parse, this::run, out, err);
    }

    private int run(OverheadBenchOptions options) throws IOException {
        if (!ProcStats.available()) {
            throw new IllegalStateException("this benchmark reads CPU and RSS from /proc: it runs on Linux only");
        }
        long started = System.nanoTime();
        String date = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        OverheadReport.MachineLoad loadBefore = loadAverage();
        Path runDir = options.root().resolve("bench/target/overhead-run");
        Files.createDirectories(runDir);
        BenchTools tools = BenchTools.fromEnvironment(options.env(), runDir);
        int upstreamPort = BenchTools.freePort();
        String adminToken = UUID.randomUUID().toString();
        Map<String, Duration> startUp = new LinkedHashMap<>();
        out.println("bench: starting the fixed-answer nginx upstream, the stack (gateway, routing, cache, billing,"
                + " simulator, Redis), the nginx proxy and Portkey; logs in " + runDir);
        try (LedgerDatabase ledger =
                        options.postgres() == null ? null : LedgerDatabase.create(options.postgres(), LEDGER_SCHEMA);
                ToolProcess upstream = tools.startUpstream(upstreamPort);
                LocalStack stack = LocalStack.start(
                        stackSpec(options, ours(options), "", ledger, runDir, upstreamPort, adminToken, startUp));
                ToolProcess proxy = startProxy(tools, options, upstreamPort, stack);
                ToolProcess portkey = options.runs(Target.PORTKEY) ? tools.startPortkey(BenchTools.freePort()) : null;
                LedgerDatabase baseLedger = options.baseline().isEmpty() || options.postgres() == null
                        ? null
                        : LedgerDatabase.create(options.postgres(), BASELINE_LEDGER_SCHEMA);
                LocalStack baseStack = options.baseline().isEmpty()
                        ? null
                        : startBaseline(options, baseLedger, runDir, upstreamPort, adminToken, startUp)) {
            BenchClients clients = new BenchClients();
            GatewayStack ours = gatewayStack(clients, stack, ledger, adminToken, LEDGER_SCHEMA);
            Optional<GatewayStack> baseline = baseStack == null
                    ? Optional.empty()
                    : Optional.of(gatewayStack(clients, baseStack, baseLedger, adminToken, BASELINE_LEDGER_SCHEMA));
            Endpoints endpoints = new Endpoints(upstream, proxy, portkey, upstreamPort, ours, baseline);
            List<Endpoint> load = endpoints.load(options);
            List<Endpoint> streams = endpoints.streams(options);
            check(clients, load);
            primeHit(clients, load);

            WrkLoad wrk = new WrkLoad(tools.wrk(), tools.wrkScript());
            InterleavedRounds rounds = new InterleavedRounds(wrk, new StreamProbe(), new Jcmd(), out);
            rounds.warmUp(load, options.warmUp());
            if (options.rounds() == 0) {
                profile(options, wrk, runDir, load, date, loadBefore);
                return 0;
            }
            List<LoadRun> loadRuns = rounds.load(load, options.connections(), options.rounds(), options.duration());
            List<StreamRun> streamRuns = options.streams()
                    ? rounds.streams(streams, options.streamConnections(), options.rounds(), options.streamDuration())
                    : List.of();

            OverheadReport report = new OverheadReport(
                    date,
                    options.commandLine(),
                    machine(),
                    loadBefore,
                    loadAverage(),
                    endpoints.setup(),
                    options.rounds(),
                    options.duration().toMillis() / 1000.0,
                    options.streamDuration().toMillis() / 1000.0,
                    LoadSummary.of(loadRuns),
                    StreamSummary.of(streamRuns),
                    BaselineComparison.of(loadRuns),
                    startUp,
                    javaOpts(stack, baseStack),
                    Duration.ofNanos(System.nanoTime() - started));
            write(options, report);
            if (!options.profile().isZero()) {
                profile(options, wrk, runDir, load, date, loadBefore);
            }
        }
        return 0;
    }

    /**
     * A stack's tenant key, its simulator's stream profile, and the PostgreSQL server processes of its
     * billing's pool (whose CPU is the gateway's too).
     */
    private GatewayStack gatewayStack(
            BenchClients clients, LocalStack stack, LedgerDatabase ledger, String adminToken, String schema) {
        String key = clients.createTenantKey(stack.url(Service.BILLING), adminToken);
        clients.streamProfile(stack.url(Service.SIMULATOR), STREAM_MODEL, STREAM_TOKENS, STREAM_TOKEN_DELAY);
        List<Long> ledgerBackends = ledger == null ? List.of() : ledger.backends(BILLING_POOL, Duration.ofSeconds(30));
        if (ledger != null) {
            out.println("bench: billing's ledger in PostgreSQL (schema " + schema + "), " + ledgerBackends.size()
                    + " server processes counted");
        }
        return new GatewayStack(stack, key, ledgerBackends);
    }

    /** The measured stack: this checkout's jars, the JVM options of AIGW_JAVA_OPTS or the defaults. */
    private static OverheadBenchOptions.Baseline ours(OverheadBenchOptions options) {
        return new OverheadBenchOptions.Baseline(options.root(), Optional.empty());
    }

    /** The A/B run's second stack, after the first: its jars are checked first, with how to build them. */
    private LocalStack startBaseline(
            OverheadBenchOptions options,
            LedgerDatabase ledger,
            Path runDir,
            int upstreamPort,
            String adminToken,
            Map<String, Duration> startUp) {
        OverheadBenchOptions.Baseline baseline = options.baseline().orElseThrow();
        StackSpec spec = stackSpec(
                options, baseline, "baseline ", ledger, runDir.resolve("baseline"), upstreamPort, adminToken, startUp);
        List<Path> missing = LocalStack.missingJars(spec);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the baseline " + baseline.root() + " has no built service jars ("
                    + missing.get(0) + " is missing): build them there with ./mvnw -B -q -DskipTests package");
        }
        out.println("bench: starting the baseline stack from " + baseline.root());
        return LocalStack.start(spec);
    }

    private static Map<String, String> javaOpts(LocalStack stack, LocalStack baseStack) {
        Map<String, String> opts = new LinkedHashMap<>();
        opts.put("all services", String.join(" ", stack.spec().javaOpts()));
        if (baseStack != null) {
            opts.put(
                    "the baseline's services", String.join(" ", baseStack.spec().javaOpts()));
        }
        return opts;
    }

    /** The profiled cache-miss run at {@link #PROFILE_CONNECTIONS} connections, written as profile.md/json. */
    private void profile(
            OverheadBenchOptions options,
            WrkLoad wrk,
            Path runDir,
            List<Endpoint> load,
            String date,
            OverheadReport.MachineLoad loadBefore)
            throws IOException {
        Endpoint miss = load.stream()
                .filter(e -> e.target() == Target.AIGW_MISS)
                .findFirst()
                .orElseThrow();
        Profiler profiler = options.profiler() == OverheadBenchOptions.ProfilerKind.ASYNC
                ? new AsyncProfiler(Path.of(options.env().get(OverheadBenchOptions.ASYNC_PROFILER_ENV)))
                : new JfrProfiler();
        out.printf(
                "bench: profile: %s at %d connections for %d s, %s%n",
                miss.target().key(), PROFILE_CONNECTIONS, options.profile().toSeconds(), profiler.describesSamples());
        ProfiledRun.Result result = new ProfiledRun(wrk, profiler, runDir.resolve("profile"), out)
                .run(miss, PROFILE_CONNECTIONS, options.profile());
        List<ProcessProfile> processes = result.processes().stream()
                .sorted(Comparator.comparingLong((ProcessProfile p) -> -(p.userMicros() + p.systemMicros())))
                .toList();
        ProfileReport report = new ProfileReport(
                date,
                options.commandLine(),
                machine(),
                loadBefore + " before, " + loadAverage() + " after",
                miss.target().key(),
                PROFILE_CONNECTIONS,
                result.seconds(),
                result.requests(),
                processes,
                profiler.describesSamples());
        Files.createDirectories(options.out());
        String name = options.profiler().report();
        Path markdown = options.out().resolve(name + ".md");
        Files.writeString(markdown, report.markdown(), StandardCharsets.UTF_8);
        Files.writeString(options.out().resolve(name + ".json"), report.json(), StandardCharsets.UTF_8);
        report.markdown().lines().filter(line -> line.startsWith("|")).forEach(out::println);
        out.println("bench: wrote " + markdown + " and " + name + ".json (" + result.errors() + " errors in the run)");
    }

    /**
     * @param from the checkout whose jars to start, and its JVM options
     * @param label before each service's name in the start-up table: the baseline's are {@code baseline …}
     */
    private StackSpec stackSpec(
            OverheadBenchOptions options,
            OverheadBenchOptions.Baseline from,
            String label,
            LedgerDatabase ledger,
            Path runDir,
            int upstreamPort,
            String adminToken,
            Map<String, Duration> startUp) {
        StackSpec.Builder spec = StackSpec.builder(from.root())
                .services(Service.SIMULATOR, Service.CACHE, Service.BILLING, Service.ROUTING, Service.GATEWAY)
                .randomFreePorts()
                .embeddedRedis()
                .logDirectory(runDir.resolve("logs"))
                .jarSnapshotDirectory(runDir.resolve("jars"))
                // a shared machine may be busy: start-up is reported, not bounded tightly
                .healthTimeout(Duration.ofMinutes(10))
                .env(Service.BILLING, "AIGW_ADMIN_TOKEN", adminToken)
                // the pool's size fixed, so that all its server processes are there to be counted, and
                // its connections kept for the whole run (billing's own 10 min lifetime would replace
                // them, and the PIDs counted, half-way)
                .env(Service.BILLING, "SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE", Integer.toString(BILLING_POOL))
                .env(
                        Service.BILLING,
                        "SPRING_DATASOURCE_HIKARI_MAX_LIFETIME",
                        Long.toString(BILLING_CONNECTION_LIFETIME))
                .env(
                        Service.BILLING,
                        "AIGW_DATA_DIR",
                        runDir.resolve("billing-data-" + System.currentTimeMillis())
                                .toString())
                // a deployment without the semantic layer: its embedding (3–9 ms of CPU per text, see
                // cache.md) would measure the embedder, not the gateway's own path
                .env(Service.CACHE, "AIGW_CACHE_SEMANTIC_ENABLED", "false")
                .args(Service.ROUTING, catalog(upstreamPort))
                .listener(new StackListener() {
                    @Override
                    public void serviceReady(Service service, Duration sinceStart) {
                        startUp.put(label + service.moduleName(), sinceStart);
                        out.printf(
                                "bench: %s%s ready after %.1f s%n",
                                label, service.moduleName(), sinceStart.toMillis() / 1e3);
                    }
                });
        if (ledger != null) {
            ledger.billingEnvironment().forEach((name, value) -> spec.env(Service.BILLING, name, value));
        }
        from.javaOpts().ifPresent(spec::javaOpts);
        return spec.build();
    }

    /**
     * Routing's catalog for the run, replacing the shipped one: the fixed-answer upstream and the
     * simulator as two OpenAI-compatible providers, with RPM/TPM limits far above the load, so every
     * request reserves and settles capacity in Redis as in a deployment but none is refused.
     */
    static String[] catalog(int upstreamPort) {
        List<String> args = new ArrayList<>();
        provider(args, 0, "bench-upstream", "http://127.0.0.1:" + upstreamPort + "/v1");
        provider(args, 1, "bench-simulator", "${AIGW_SIMULATOR_URL}/v1");
        model(args, 0, MODEL, "bench-upstream");
        model(args, 1, STREAM_MODEL, "bench-simulator");
        args.add("--aigw.groups[0].name=bench");
        args.add("--aigw.groups[0].strategy=cheapest");
        args.add("--aigw.groups[0].members[0]=" + MODEL);
        return args.toArray(String[]::new);
    }

    private static void provider(List<String> args, int i, String id, String baseUrl) {
        String p = "--aigw.providers[" + i + "].";
        args.add(p + "id=" + id);
        args.add(p + "type=openai-compatible");
        args.add(p + "base-url=" + baseUrl);
        args.add(p + "timeout=30s");
    }

    private static void model(List<String> args, int i, String name, String provider) {
        String m = "--aigw.models[" + i + "].";
        args.add(m + "name=" + name);
        args.add(m + "provider=" + provider);
        args.add(m + "upstream-model=" + name);
        args.add(m + "tier=1");
        args.add(m + "price.input-per-mtok=0.15");
        args.add(m + "price.output-per-mtok=0.60");
        args.add(m + "context-window=128000");
        args.add(m + "capabilities[0]=stream");
        args.add(m + "limits.rpm=100000000");
        args.add(m + "limits.tpm=100000000000");
    }

    private static ToolProcess startProxy(
            BenchTools tools, OverheadBenchOptions options, int upstreamPort, LocalStack stack) {
        return tools.startProxy(
                BenchTools.freePort(), upstreamPort, BenchTools.freePort(), stack.port(Service.SIMULATOR));
    }

    /**
     * One good answer from every target: a set-up mistake fails here, not as a table of errors. Cold
     * services may time out their first internal calls (a key lookup has a 1 s budget), so each target
     * gets a few tries.
     */
    private void check(BenchClients clients, List<Endpoint> endpoints) {
        for (Endpoint endpoint : endpoints) {
            HttpResponse<String> response = null;
            for (int attempt = 0; attempt < 30; attempt++) {
                response = clients.chat(
                        endpoint.baseUrl(), endpoint.model(), "check " + UUID.randomUUID(), endpoint.headers());
                if (response.statusCode() == 200) {
                    break;
                }
                sleep(1000);
            }
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        endpoint.target().key() + " answered " + response.statusCode() + ": " + response.body());
            }
        }
    }

    /** Sends the hit path's fixed prompt until the cache answers it (the store is asynchronous). */
    private void primeHit(BenchClients clients, List<Endpoint> endpoints) {
        for (Endpoint endpoint : endpoints) {
            if (endpoint.target() != Target.AIGW_HIT) {
                continue;
            }
            for (int attempt = 0; attempt < 50; attempt++) {
                HttpResponse<String> response = clients.chat(
                        endpoint.baseUrl(),
                        endpoint.model(),
                        "Say one short sentence about the sea.",
                        endpoint.headers());
                if (response.headers().firstValue("x-aigw-cache").orElse("").equals("hit-exact")) {
                    return;
                }
                sleep(100);
            }
            throw new IllegalStateException(
                    "the exact cache never answered the fixed prompt (x-aigw-cache: hit-exact)");
        }
    }

    private void write(OverheadBenchOptions options, OverheadReport report) throws IOException {
        Files.createDirectories(options.out());
        Path markdown = options.out().resolve("overhead.md");
        Path json = options.out().resolve("overhead.json");
        String kept = Files.isRegularFile(markdown)
                ? OverheadMarkdown.keptPart(Files.readString(markdown, StandardCharsets.UTF_8))
                : "";
        String rendered = OverheadMarkdown.render(report, kept);
        Files.writeString(markdown, rendered, StandardCharsets.UTF_8);
        Files.writeString(json, OverheadJson.render(report), StandardCharsets.UTF_8);
        out.println();
        rendered.lines()
                .takeWhile(line -> !line.equals(OverheadMarkdown.KEPT_MARKER))
                .filter(line -> line.startsWith("|") || line.startsWith("#"))
                .forEach(out::println);
        out.println("bench: wrote " + markdown + " and " + json);
    }

    static OverheadReport.MachineLoad loadAverage() {
        try {
            return OverheadReport.MachineLoad.parse(Files.readString(Path.of("/proc/loadavg")));
        } catch (IOException | RuntimeException e) {
            return OverheadReport.MachineLoad.parse("");
        }
    }

    private static String machine() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip())
                    .findFirst()
                    .orElse(cpu);
        } catch (IOException e) {
            // keep "unknown CPU"
        }
        return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), Java "
                + System.getProperty("java.version") + ", " + System.getProperty("os.name") + " "
                + System.getProperty("os.version") + " " + System.getProperty("os.arch");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
