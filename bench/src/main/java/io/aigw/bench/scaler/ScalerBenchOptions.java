package io.aigw.bench.scaler;

import io.aigw.bench.scaler.domain.ReplayConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The command line of {@code ./aigw bench scaler}.
 *
 * @param trace the Azure trace CSV
 * @param config the simulation's knobs
 * @param out where scaler.md and scaler.json go
 * @param userArgs the arguments as typed (without {@code --root}), for the report
 */
record ScalerBenchOptions(Path trace, ReplayConfig config, Path out, List<String> userArgs) {

    static final String TRACE = "azure-llm-trace-2023/AzureLLMInferenceTrace_conv.csv";

    static final String HELP = "usage: ./aigw bench scaler [options]\n\n"
            + "  --startup 60,180      pod start-up delays to run, seconds in [30, 300] (default 60,180)\n"
            + "  --capacity 2.0        requests per second one ready replica serves (default 2.0)\n"
            + "  --utilization 0.7     the HPA request-rate target as a share of capacity (default 0.7)\n"
            + "  --alpha 0.5           Holt level smoothing (default 0.5)\n"
            + "  --beta 0.2            Holt trend smoothing (default 0.2)\n"
            + "  --out DIR             where scaler.md and scaler.json go (default docs/benchmarks)\n"
            + "  --trace FILE          the trace (default <data>/" + TRACE + ")\n"
            + "  --data DIR            shared data folder (default $AIGW_SHARED_DATA, else <root>/../shared/data)\n"
            + "  --root DIR            project root (default: the current directory)\n";

    static ScalerBenchOptions parse(String[] args, Map<String, String> env, Path cwd) {
        Path root = cwd;
        Path data = null;
        Path trace = null;
        Path out = null;
        ReplayConfig d = ReplayConfig.defaults();
        List<Integer> startup = d.startupDelays();
        double capacity = d.capacityPerReplica();
        double utilization = d.targetUtilization();
        double alpha = d.alpha();
        double beta = d.beta();
        List<String> userArgs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(
                        name.startsWith("--") ? name + " needs a value" : "unknown: " + name);
            }
            String value = args[++i];
            if (!name.equals("--root")) {
                userArgs.add(name);
                userArgs.add(value);
            }
            try {
                switch (name) {
                    case "--root" -> root = Path.of(value);
                    case "--data" -> data = Path.of(value);
                    case "--trace" -> trace = Path.of(value);
                    case "--out" -> out = Path.of(value);
                    case "--startup" -> {
                        startup = new ArrayList<>();
                        for (String part : value.split(",")) {
                            startup.add(Integer.parseInt(part.trim().replace("s", "")));
                        }
                    }
                    case "--capacity" -> capacity = Double.parseDouble(value);
                    case "--utilization" -> utilization = Double.parseDouble(value);
                    case "--alpha" -> alpha = Double.parseDouble(value);
                    case "--beta" -> beta = Double.parseDouble(value);
                    default -> throw new IllegalArgumentException("unknown option: " + name);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + ": not a number: " + value);
            }
        }
        if (data == null) {
            String shared = env.get("AIGW_SHARED_DATA");
            data = shared != null && !shared.isBlank() ? Path.of(shared) : root.resolve("../shared/data");
        }
        ReplayConfig config = new ReplayConfig(
                capacity,
                utilization,
                d.intervalSeconds(),
                d.metricWindowSeconds(),
                d.sloWindowSeconds(),
                startup,
                d.maxReplicas(),
                alpha,
                beta);
        return new ScalerBenchOptions(
                trace != null ? trace : data.resolve(TRACE),
                config,
                out != null ? out : root.resolve("docs/benchmarks"),
                List.copyOf(userArgs));
    }

    String commandLine() {
        return ("./aigw bench scaler " + String.join(" ", userArgs)).trim();
    }
}
