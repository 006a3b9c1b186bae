package io.aigw.bench.routing;

import io.aigw.bench.BenchCommandLine;
import io.aigw.bench.routing.adapter.out.http.JdkGatewayChat;
import io.aigw.bench.routing.adapter.out.http.SimulatorControl;
import io.aigw.bench.routing.adapter.out.routellm.RouteLlmLabelFiles;
import io.aigw.bench.routing.application.BenchSet;
import io.aigw.bench.routing.application.ReplayRun;
import io.aigw.bench.routing.application.RoutingBenchmark;
import io.aigw.bench.routing.domain.Contamination;
import io.aigw.bench.routing.domain.Dataset;
import io.aigw.bench.routing.domain.DatasetResult;
import io.aigw.bench.routing.domain.JsonReport;
import io.aigw.bench.routing.domain.LabeledPrompt;
import io.aigw.bench.routing.domain.LearnedReport;
import io.aigw.bench.routing.domain.MarkdownReport;
import io.aigw.bench.routing.domain.ReplayCheck;
import io.aigw.bench.routing.domain.Reply;
import io.aigw.bench.routing.domain.RoutingReport;
import io.aigw.bench.routing.domain.Scorer;
import io.aigw.bench.routing.domain.Strategy;
import io.aigw.bench.routing.domain.StratifiedSample;
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

/**
 * {@code ./aigw bench routing}: loads the labels, starts simulator, routing and gateway on free
 * loopback ports (the launcher's {@link LocalStack}), lifts the simulator's latency and limits, runs
 * the benchmark, writes the report and stops every process it started.
 */
public final class RoutingBenchCommand {

    private static final String SIM_WEAK = "sim-weak";
    private static final String SIM_STRONG = "sim-strong";

    private final PrintStream out;
    private final PrintStream err;

    public RoutingBenchCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int run(String[] args) {
        return BenchCommandLine.run(args, RoutingBenchOptions.HELP, RoutingBenchOptions::parse, this::run, out, err);
    }

    private int run(RoutingBenchOptions options) throws IOException {
        Path routellm = options.data().resolve("routellm");
        if (!Files.isDirectory(routellm)) {
            throw new IllegalArgumentException("no RouteLLM data at " + routellm + " (set --data or AIGW_SHARED_DATA)");
        }
        List<BenchSet> sets = load(new RouteLlmLabelFiles(routellm), options);
        if (options.learned()) {
            return new LearnedBenchCommand(out).run(options, sets, machine());
        }
        String date = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        Scorer scorer = new Scorer(Strategy.Models.WEAK, Strategy.Models.STRONG);

        StackSpec spec = StackSpec.builder(options.root())
                .services(Service.SIMULATOR, Service.ROUTING, Service.GATEWAY)
                .randomFreePorts()
                .embeddedRedis()
                .logDirectory(options.root().resolve("bench/target/bench-logs"))
                // the children run in the log directory, where the simulator's default ../shared/data is not
                .env(Service.SIMULATOR, "AIGW_SHARED_DATA", options.data().toString())
                // the simulator is unthrottled below, so routing must not hold it to the shipped limits
                // the benchmark measures routing, not the demo tenant's plan: lift its limits too
                .env(Service.GATEWAY, "AIGW_DEMO_PLAN", "enterprise")
                .env(Service.ROUTING, "AIGW_SIM_WEAK_RPM", "0")
                .env(Service.ROUTING, "AIGW_SIM_WEAK_TPM", "0")
                .env(Service.ROUTING, "AIGW_SIM_STRONG_RPM", "0")
                .env(Service.ROUTING, "AIGW_SIM_STRONG_TPM", "0")
                .healthTimeout(Duration.ofSeconds(180))
                .listener(new StackListener() {
                    @Override
                    public void serviceReady(Service service, Duration sinceStart) {
                        out.printf("bench: %s ready after %d s%n", service.moduleName(), sinceStart.toSeconds());
                    }
                })
                .build();
        out.println(
                "bench: starting simulator, routing and gateway on 127.0.0.1 (logs in " + spec.logDirectory() + ")");
        List<DatasetResult> results = new ArrayList<>();
        long started;
        try (LocalStack stack = LocalStack.start(spec)) {
            SimulatorControl simulator = new SimulatorControl(stack.url(Service.SIMULATOR));
            simulator.unthrottle(SIM_WEAK);
            simulator.unthrottle(SIM_STRONG);
            JdkGatewayChat chat =
                    new JdkGatewayChat(stack.url(Service.GATEWAY), stack.demoKey(), Duration.ofSeconds(60));
            preflight(chat, sets.get(0), scorer, options.data());
            started = System.nanoTime();
            try (ReplayRun run = new ReplayRun(chat, options.concurrency(), options.timeout(), out)) {
                RoutingBenchmark benchmark = new RoutingBenchmark(run, scorer);
                for (BenchSet set : sets) {
                    results.add(benchmark.run(set));
                }
            }
        }
        Duration runTime = Duration.ofNanos(System.nanoTime() - started);
        RoutingReport report =
                new RoutingReport(date, options.commandLine(), machine(), options.concurrency(), runTime, results);
        Files.createDirectories(options.out());
        Path markdown = options.out().resolve("routing.md");
        Path json = options.out().resolve("routing.json");
        // the learned run's section and key are its own; this run keeps them
        String learnedSection = Files.exists(markdown)
                ? LearnedReport.sectionOf(Files.readString(markdown)).orElse("")
                : "";
        String learnedJson = Files.exists(json)
                ? LearnedReport.jsonValueOf(Files.readString(json)).orElse("")
                : "";
        String rendered = MarkdownReport.render(report);
        Files.writeString(
                markdown,
                learnedSection.isEmpty() ? rendered : LearnedReport.spliceMarkdown(rendered, learnedSection),
                StandardCharsets.UTF_8);
        String renderedJson = JsonReport.render(report);
        Files.writeString(
                json,
                learnedJson.isEmpty() ? renderedJson : LearnedReport.spliceJson(renderedJson, learnedJson),
                StandardCharsets.UTF_8);
        out.println();
        out.print(MarkdownReport.render(report)
                .lines()
                .filter(line -> line.startsWith("|"))
                .reduce("", (a, b) -> a + b + "\n"));
        out.println("bench: wrote " + markdown + " and " + json);
        return 0;
    }

    private List<BenchSet> load(RouteLlmLabelFiles files, RoutingBenchOptions options) {
        List<BenchSet> sets = new ArrayList<>();
        for (Dataset dataset : options.sets()) {
            List<LabeledPrompt> all = files.prompts(dataset);
            Contamination contamination = files.contamination(dataset);
            List<LabeledPrompt> clean = contamination.clean(all);
            List<LabeledPrompt> chosen = clean;
            String sample = "full set";
            if (dataset == Dataset.MMLU
                    && options.mmluSample().isPresent()
                    && options.mmluSample().getAsInt() < clean.size()) {
                chosen = StratifiedSample.of(clean, options.mmluSample().getAsInt(), options.seed());
                sample = "sample of " + chosen.size() + " stratified by subject, seed " + options.seed();
            }
            out.printf(
                    "bench: %s: %d prompts, %d contaminated left out, %d to send%n",
                    dataset.label(), all.size(), all.size() - clean.size(), chosen.size());
            sets.add(new BenchSet(
                    dataset, all.size(), all.size() - clean.size(), sample, options.maxTokens(dataset), chosen));
        }
        return sets;
    }

    /** One request before the run: fails fast when the simulator does not replay (data not found). */
    private void preflight(JdkGatewayChat chat, BenchSet set, Scorer scorer, Path data) {
        LabeledPrompt first = set.prompts().get(0);
        Reply reply = chat.complete(Strategy.Models.WEAK, first.prompt(), set.maxTokens());
        if (!reply.ok()) {
            throw new IllegalStateException(
                    "the gateway answered " + reply.status() + " to the first request: " + reply.content());
        }
        if (!new ReplayCheck(scorer).replayed(first, reply)) {
            throw new IllegalStateException("the simulator did not replay the recorded answer (got '"
                    + abbreviate(reply.content()) + "'); does " + data
                    + "/routellm hold the RouteLLM files? See bench/target/bench-logs/provider-simulator.log");
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }

    private static String machine() {
        return Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version") + ", "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch");
    }
}
