package io.aigw.bench.soak;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The command line of {@code ./aigw bench soak}.
 *
 * @param root the project root (where the service jars are built)
 * @param duration how long the load runs
 * @param warmup the start left out of the slopes
 * @param rps the steady request rate
 * @param warmupRps the rate during warm-up: higher, so the JIT compilers finish their work before the
 *     measured window instead of growing the code cache through it
 * @param sampleEvery how often memory is sampled and a window of requests closed
 * @param out where soak.md and soak.json go
 * @param userArgs the arguments as typed (without {@code --root}), for the report's command line
 */
record SoakBenchOptions(
        Path root,
        Duration duration,
        Duration warmup,
        double rps,
        double warmupRps,
        Duration sampleEvery,
        Path out,
        List<String> userArgs) {

    static final String HELP = "usage: ./aigw bench soak [options]\n\n"
            + "  --minutes N        how long the load runs, warm-up included (default 35)\n"
            + "  --warmup-minutes N the start left out of the heap and RSS slopes (default 5)\n"
            + "  --rps X            requests per second after warm-up (default 8)\n"
            + "  --warmup-rps X     requests per second during warm-up (default 4 x --rps)\n"
            + "  --sample-seconds N memory sample and request window interval (default 15)\n"
            + "  --out DIR          where soak.md and soak.json go (default docs/benchmarks when 30 minutes or more\n"
            + "                     are measured after warm-up, else bench/target/benchmarks)\n"
            + "  --root DIR         project root (default: the current directory)\n";

    static SoakBenchOptions parse(String[] args, Map<String, String> env, Path cwd) {
        Path root = cwd;
        double minutes = 35;
        double warmupMinutes = 5;
        double rps = 8;
        double warmupRps = -1;
        int sampleSeconds = 15;
        Path out = null;
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
                    case "--minutes" -> minutes = positive(name, Double.parseDouble(value));
                    case "--warmup-minutes" -> warmupMinutes = Double.parseDouble(value);
                    case "--rps" -> rps = positive(name, Double.parseDouble(value));
                    case "--warmup-rps" -> warmupRps = positive(name, Double.parseDouble(value));
                    case "--sample-seconds" -> sampleSeconds = (int) positive(name, Integer.parseInt(value));
                    case "--out" -> out = Path.of(value);
                    case "--root" -> root = Path.of(value);
                    default -> throw new IllegalArgumentException("unknown option: " + name);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " needs a number, got " + value);
            }
        }
        if (warmupMinutes < 0 || warmupMinutes >= minutes) {
            throw new IllegalArgumentException("--warmup-minutes must be at least 0 and below --minutes");
        }
        Path absoluteRoot = root.toAbsolutePath().normalize();
        Path resolvedOut = out != null
                ? absoluteRoot.resolve(out)
                : absoluteRoot.resolve(minutes - warmupMinutes >= 30 ? "docs/benchmarks" : "bench/target/benchmarks");
        return new SoakBenchOptions(
                absoluteRoot,
                Duration.ofMillis((long) (minutes * 60_000)),
                Duration.ofMillis((long) (warmupMinutes * 60_000)),
                rps,
                warmupRps > 0 ? warmupRps : 4 * rps,
                Duration.ofSeconds(sampleSeconds),
                resolvedOut,
                List.copyOf(userArgs));
    }

    private static double positive(String name, double value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return value;
    }
}
