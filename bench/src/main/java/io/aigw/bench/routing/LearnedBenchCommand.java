package io.aigw.bench.routing;

import io.aigw.bench.routing.adapter.out.http.JdkGatewayChat;
import io.aigw.bench.routing.adapter.out.http.SimulatorControl;
import io.aigw.bench.routing.application.BenchSet;
import io.aigw.bench.routing.application.LearnedBenchmark;
import io.aigw.bench.routing.domain.LearnedReport;
import io.aigw.bench.routing.domain.LearnedResult;
import io.aigw.bench.routing.domain.Scorer;
import io.aigw.bench.routing.domain.Strategy;
import io.aigw.bench.routing.domain.TrainTestSplit;
import io.aigw.launcher.LocalStack;
import io.aigw.launcher.Service;
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
import java.util.Locale;

/**
 * {@code ./aigw bench routing --learned}: per data set a fresh stack (simulator, routing, gateway, an
 * empty embedded Redis — so one set's feedback never meets the other's) whose routing catalog adds the
 * group {@code learned}; trains it through the feedback API, measures it, and writes its section of
 * {@code routing.md} and key of {@code routing.json}.
 */
final class LearnedBenchCommand {

    /** routing's defaults (aigw.routing.learned.*), stated in the report. */
    private static final String PREDICTOR = "rule `gap` (the cheapest tier predicted to be at most the threshold"
            + " worse than the best tier), the threshold calibrated by routing on the tenant's feedback for the"
            + " group's target (leave-one-out predictions of the feedback's prompts); predictor k = 50 nearest per"
            + " tier, prior weight 4 (pseudo-examples at the tier's mean score), length weight 0.05 (the weak tier's"
            + " prediction lowered by 0.05 per standard deviation of log prompt length above the feedback's mean),"
            + " at least 50 feedback per tier"
            + " before predictions are used (else the group acts as a cascade); embeddings all-MiniLM-L6-v2 in"
            + " routing (langchain4j 1.20.0-beta30)";

    private final PrintStream out;

    LearnedBenchCommand(PrintStream out) {
        this.out = out;
    }

    int run(RoutingBenchOptions options, List<BenchSet> sets, String machine) throws IOException {
        String date = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        Scorer scorer = new Scorer(Strategy.Models.WEAK, Strategy.Models.STRONG);
        List<LearnedResult> results = new ArrayList<>();
        for (BenchSet set : sets) {
            TrainTestSplit split = TrainTestSplit.of(set.prompts(), options.trainShare(), options.seed());
            out.printf(
                    "bench: %s learned: %d train, %d test%n",
                    set.dataset().label(), split.train().size(), split.test().size());
            try (LocalStack stack = LocalStack.start(spec(options))) {
                SimulatorControl simulator = new SimulatorControl(stack.url(Service.SIMULATOR));
                simulator.unthrottle("sim-weak");
                simulator.unthrottle("sim-strong");
                JdkGatewayChat chat =
                        new JdkGatewayChat(stack.url(Service.GATEWAY), stack.demoKey(), Duration.ofSeconds(60));
                try (LearnedBenchmark benchmark =
                        new LearnedBenchmark(chat, scorer, options.concurrency(), options.timeout(), out)) {
                    results.add(benchmark.run(set, split, options.target()));
                }
            }
        }
        LearnedReport.Run run = new LearnedReport.Run(
                date,
                options.commandLine(),
                machine,
                options.concurrency(),
                options.trainShare(),
                options.seed(),
                PREDICTOR);
        Files.createDirectories(options.out());
        Path markdown = options.out().resolve("routing.md");
        Path json = options.out().resolve("routing.json");
        String section = LearnedReport.markdown(run, results);
        String existingMd =
                Files.exists(markdown) ? Files.readString(markdown) : "# Routing benchmark on real labels\n";
        Files.writeString(markdown, LearnedReport.spliceMarkdown(existingMd, section), StandardCharsets.UTF_8);
        String existingJson = Files.exists(json) ? Files.readString(json) : "{\n  \"benchmark\": \"routing\"\n}\n";
        Files.writeString(
                json, LearnedReport.spliceJson(existingJson, LearnedReport.json(run, results)), StandardCharsets.UTF_8);
        out.println();
        section.lines().filter(line -> line.startsWith("|")).forEach(out::println);
        out.println("bench: wrote the learned section of " + markdown + " and the \"learned\" key of " + json);
        return 0;
    }

    private static StackSpec spec(RoutingBenchOptions options) {
        // the default catalog's groups plus `learned`; a list from a property source replaces the whole list
        String groups = String.format(
                Locale.ROOT,
                "{\"aigw\":{\"routing\":{\"learned\":{\"rule\":\"gap\"}},\"groups\":["
                        + "{\"name\":\"auto\",\"strategy\":\"cheapest\",\"members\":[\"llama-3-8b\",\"gpt-4o-mini\","
                        + "\"claude-sonnet\",\"gpt-4o\"]},"
                        + "{\"name\":\"cascade\",\"strategy\":\"cascade\",\"members\":[\"llama-3-8b\",\"gpt-4o\"]},"
                        + "{\"name\":\"%s\",\"strategy\":\"learned\",\"target\":%s,"
                        + "\"members\":[\"llama-3-8b\",\"gpt-4o\"]}]}}",
                LearnedBenchmark.GROUP,
                options.targetJson());
        return StackSpec.builder(options.root())
                .services(Service.SIMULATOR, Service.ROUTING, Service.GATEWAY)
                .randomFreePorts()
                .embeddedRedis()
                .logDirectory(options.root().resolve("bench/target/bench-logs"))
                .env(Service.SIMULATOR, "AIGW_SHARED_DATA", options.data().toString())
                .env(Service.GATEWAY, "AIGW_DEMO_PLAN", "enterprise")
                .env(Service.ROUTING, "AIGW_SIM_WEAK_RPM", "0")
                .env(Service.ROUTING, "AIGW_SIM_WEAK_TPM", "0")
                .env(Service.ROUTING, "AIGW_SIM_STRONG_RPM", "0")
                .env(Service.ROUTING, "AIGW_SIM_STRONG_TPM", "0")
                .env(Service.ROUTING, "SPRING_APPLICATION_JSON", groups)
                // start-up is not measured; on a shared, busy machine it can take minutes
                .healthTimeout(Duration.ofSeconds(600))
                .build();
    }
}
