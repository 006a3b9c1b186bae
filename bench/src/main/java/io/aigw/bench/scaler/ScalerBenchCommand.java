package io.aigw.bench.scaler;

import io.aigw.bench.BenchCommandLine;
import io.aigw.bench.scaler.adapter.out.azure.AzureTraceFile;
import io.aigw.bench.scaler.domain.LoadProfile;
import io.aigw.bench.scaler.domain.Replay;
import io.aigw.bench.scaler.domain.ReplayConfig;
import io.aigw.bench.scaler.domain.RunResult;
import io.aigw.bench.scaler.domain.ScalerJsonReport;
import io.aigw.bench.scaler.domain.ScalerMarkdownReport;
import io.aigw.bench.scaler.domain.ScalerReport;
import io.aigw.bench.scaler.domain.Strategy;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./aigw bench scaler}: replays the Azure LLM conversation trace, time-scaled to a ramp, a
 * burst and a quiet period, through the scaler's decision function against a simulated Deployment,
 * for static provisioning, plain HPA and the scaler at each start-up delay. Pure simulation: no
 * services start. Writes {@code scaler.md} and {@code scaler.json}.
 */
public final class ScalerBenchCommand {

    private final PrintStream out;
    private final PrintStream err;

    public ScalerBenchCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int run(String[] args) {
        return BenchCommandLine.run(args, ScalerBenchOptions.HELP, ScalerBenchOptions::parse, this::run, out, err);
    }

    private int run(ScalerBenchOptions options) throws IOException {
        Path file = options.trace();
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no trace at " + file + " (set --trace, --data or AIGW_SHARED_DATA)");
        }
        AzureTraceFile.Trace trace = AzureTraceFile.read(file);
        LoadProfile profile = LoadProfile.rampBurstQuiet();
        ReplayConfig config = options.config();
        long started = System.nanoTime();
        int[] arrivals = profile.arrivals(trace.offsets(), trace.seconds());
        Replay replay = new Replay(config, arrivals);
        List<RunResult> results = new ArrayList<>();
        for (int delay : config.startupDelays()) {
            results.add(replay.run(Strategy.STATIC_PEAK, delay));
            results.add(replay.run(Strategy.HPA, delay));
            RunResult scaler = replay.run(Strategy.SCALER, delay);
            results.add(scaler);
            results.add(replay.runHpaAtCost(scaler.replicaMinutes(), delay));
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        String traceNote = file.getFileName() + " (Azure/AzurePublicDataset, CC-BY 4.0): " + trace.offsets().length
                + " requests over " + Math.round(trace.seconds() / 60) + " min, mean "
                + String.format(java.util.Locale.ROOT, "%.2f", trace.offsets().length / trace.seconds()) + " req/s";
        ScalerReport report = new ScalerReport(
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                options.commandLine(),
                machine(),
                traceNote,
                profile,
                config,
                millis,
                results);
        Files.createDirectories(options.out());
        Path markdown = options.out().resolve("scaler.md");
        Path json = options.out().resolve("scaler.json");
        String rendered = ScalerMarkdownReport.render(report);
        Files.writeString(markdown, rendered, StandardCharsets.UTF_8);
        Files.writeString(json, ScalerJsonReport.render(report), StandardCharsets.UTF_8);
        rendered.lines().filter(l -> l.startsWith("| ") && l.contains(" s |")).forEach(out::println);
        rendered.lines()
                .filter(l -> l.startsWith("- ") && l.contains("start-up:"))
                .forEach(out::println);
        out.println("bench: wrote " + markdown + " and " + json);
        return 0;
    }

    private static String machine() {
        return Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version") + ", "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch");
    }
}
