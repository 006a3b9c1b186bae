package io.aigw.bench.limits;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The command line of {@code ./aigw bench limits}.
 *
 * @param root the project root (where the service jars are built)
 * @param data the shared data folder holding {@code azure-llm-trace-2023/}
 * @param trace {@code conv} or {@code code}: which trace file
 * @param speed how much faster than recorded the trace plays
 * @param duration how long each run's load lasts
 * @param rpm the cheap model's RPM limit, given to the simulator and to routing's catalog alike
 * @param tpm its TPM limit, likewise
 * @param maxOutput the largest {@code max_tokens} sent
 * @param maxInFlight the client's in-flight bound (arrivals beyond it are shed and counted)
 * @param stores the runs, by {@code aigw.routing.limits.store}
 * @param timingIterations reservation + settlement pairs the micro-benchmark measures per setting
 * @param out where limits.md and limits.json go
 * @param userArgs the arguments as typed (without {@code --root}), for the report's command line
 */
record LimitsBenchOptions(
        Path root,
        Path data,
        String trace,
        double speed,
        Duration duration,
        long rpm,
        long tpm,
        int maxOutput,
        int maxInFlight,
        List<String> stores,
        int timingIterations,
        Path out,
        List<String> userArgs) {

    static final String HELP = "usage: ./aigw bench limits [options]\n\n"
            + "  --trace conv|code     Azure LLM trace file (default conv)\n"
            + "  --speed X             play the trace X times faster than recorded (default 2)\n"
            + "  --duration 3m         load per run (default 3m)\n"
            + "  --rpm N               llama-3-8b/sim-weak RPM limit, simulator and routing alike (default 600)\n"
            + "  --tpm N               its TPM limit (default 200000)\n"
            + "  --max-output N        largest max_tokens sent (default 1024)\n"
            + "  --max-in-flight N     client bound; arrivals beyond it are shed and counted (default 64)\n"
            + "  --stores redis,local  the runs, by routing's limits store (default both)\n"
            + "  --timing-iterations N reservation + settlement pairs timed per setting (default 20000; 0: skip)\n"
            + "  --out DIR             where limits.md and limits.json go (default docs/benchmarks; any\n"
            + "                        non-default option writes to bench/target/benchmarks unless --out is given)\n"
            + "  --data DIR            shared data folder (default $AIGW_SHARED_DATA, else <root>/../shared/data)\n"
            + "  --root DIR            project root (default: the current directory)\n";

    static LimitsBenchOptions parse(String[] args, Map<String, String> env, Path cwd) {
        Path root = cwd;
        Path data = null;
        String trace = "conv";
        double speed = 2;
        Duration duration = Duration.ofMinutes(3);
        long rpm = 600;
        long tpm = 200_000;
        int maxOutput = 1024;
        int maxInFlight = 64;
        List<String> stores = List.of("redis", "local");
        int timingIterations = 20_000;
        Path out = null;
        boolean nonDefault = false;
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
            if (!name.equals("--root") && !name.equals("--out") && !name.equals("--data")) {
                nonDefault = true;
            }
            switch (name) {
                case "--root" -> root = Path.of(value);
                case "--data" -> data = Path.of(value);
                case "--trace" -> trace = oneOf(name, value, List.of("conv", "code"));
                case "--speed" -> speed = positiveDecimal(name, value);
                case "--duration" -> duration = duration(value);
                case "--rpm" -> rpm = positive(name, value);
                case "--tpm" -> tpm = positive(name, value);
                case "--max-output" -> maxOutput = (int) positive(name, value);
                case "--max-in-flight" -> maxInFlight = (int) positive(name, value);
                case "--stores" -> stores = stores(value);
                case "--timing-iterations" -> timingIterations = (int) notNegative(name, value);
                case "--out" -> out = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option: " + name);
            }
        }
        root = root.toAbsolutePath().normalize();
        if (data == null) {
            String fromEnv = env.get("AIGW_SHARED_DATA");
            data = fromEnv != null && !fromEnv.isBlank()
                    ? Path.of(fromEnv)
                    : root.resolveSibling("shared").resolve("data");
        }
        if (out == null) {
            out = nonDefault ? root.resolve("bench/target/benchmarks") : root.resolve("docs/benchmarks");
        }
        return new LimitsBenchOptions(
                root,
                root.resolve(data).toAbsolutePath().normalize(),
                trace,
                speed,
                duration,
                rpm,
                tpm,
                maxOutput,
                maxInFlight,
                stores,
                timingIterations,
                root.resolve(out).normalize(),
                List.copyOf(userArgs));
    }

    Path traceFile() {
        return data.resolve("azure-llm-trace-2023").resolve("AzureLLMInferenceTrace_" + trace + ".csv");
    }

    String commandLine() {
        return userArgs.isEmpty() ? "./aigw bench limits" : "./aigw bench limits " + String.join(" ", userArgs);
    }

    private static List<String> stores(String value) {
        List<String> stores = new ArrayList<>();
        for (String name : value.split(",")) {
            String store = oneOf("--stores", name.strip().toLowerCase(Locale.ROOT), List.of("redis", "local"));
            if (!stores.contains(store)) {
                stores.add(store);
            }
        }
        return List.copyOf(stores);
    }

    private static String oneOf(String name, String value, List<String> allowed) {
        if (!allowed.contains(value)) {
            throw new IllegalArgumentException(name + " must be one of " + allowed + ", was " + value);
        }
        return value;
    }

    private static long positive(String name, String value) {
        long parsed = notNegative(name, value);
        if (parsed == 0) {
            throw new IllegalArgumentException(name + " must be a positive whole number, was " + value);
        }
        return parsed;
    }

    private static long notNegative(String name, String value) {
        try {
            long parsed = Long.parseLong(value);
            if (parsed >= 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // falls through
        }
        throw new IllegalArgumentException(name + " must be a whole number >= 0, was " + value);
    }

    private static double positiveDecimal(String name, String value) {
        try {
            double parsed = Double.parseDouble(value);
            if (parsed > 0 && Double.isFinite(parsed)) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // falls through
        }
        throw new IllegalArgumentException(name + " must be a positive number, was " + value);
    }

    private static Duration duration(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        try {
            if (v.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1)));
            }
            if (v.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)));
            }
            return Duration.parse(value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("--duration must look like 3m, 90s or PT3M, was " + value);
        }
    }
}
