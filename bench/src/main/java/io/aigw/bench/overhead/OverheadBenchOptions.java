package io.aigw.bench.overhead;

import io.aigw.bench.overhead.domain.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The command line of {@code ./aigw bench overhead}.
 *
 * @param root the project root (where the service jars are built)
 * @param rounds interleaved rounds
 * @param duration the length of each measured load run
 * @param warmUp the unmeasured load on every JVM-or-Node target before the rounds
 * @param connections the connection counts of the load runs
 * @param streamDuration the length of each measured streaming run; zero skips the streams
 * @param streamConnections the concurrencies of the streaming runs
 * @param targets the targets ({@link Target#DIRECT} always runs: it is the baseline)
 * @param profile the length of the profiled cache-miss run at 16 connections (a profiler in every
 *     JVM); zero: none
 * @param profiler which profiler records it
 * @param postgres the PostgreSQL (JDBC URL) billing's ledger goes to, in a schema of the run's own;
 *     {@code null}: billing's embedded H2
 * @param baseline the second stack of an A/B run ({@link Target#AIGW_BASE}), if one was asked for
 * @param env the environment (the tools' paths from scripts/ensure-bench-tools.sh)
 * @param out where overhead.md and overhead.json go
 * @param userArgs the arguments as typed (without {@code --root}), for the report's command line
 */
record OverheadBenchOptions(
        Path root,
        int rounds,
        Duration duration,
        Duration warmUp,
        List<Integer> connections,
        Duration streamDuration,
        List<Integer> streamConnections,
        List<Target> targets,
        Duration profile,
        ProfilerKind profiler,
        String postgres,
        Optional<Baseline> baseline,
        Map<String, String> env,
        Path out,
        List<String> userArgs) {

    static final String H2 = "h2";

    /** The environment variable scripts/ensure-bench-tools.sh names async-profiler's library in. */
    static final String ASYNC_PROFILER_ENV = "AIGW_BENCH_ASYNC_PROFILER";

    /**
     * What the baseline stack of an A/B run starts from.
     *
     * @param root a checkout of this project whose service jars are built (this one when only the JVM
     *     options differ)
     * @param javaOpts the baseline's JVM options; empty: the same as the measured stack's
     */
    record Baseline(Path root, Optional<List<String>> javaOpts) {}

    /** The profilers {@code --profiler} offers, and the name of the report each writes. */
    enum ProfilerKind {
        /** JFR's execution samples: Java threads in Java code; {@code profile.md}. */
        JFR("jfr", "profile"),
        /** async-profiler's CPU samples: every thread, the JVM's and the kernel's code too; {@code profile-async.md}. */
        ASYNC("async", "profile-async");

        private final String key;
        private final String report;

        ProfilerKind(String key, String report) {
            this.key = key;
            this.report = report;
        }

        /** The report's file name without its ending ({@code .md}, {@code .json}). */
        String report() {
            return report;
        }

        static ProfilerKind ofKey(String key) {
            for (ProfilerKind kind : values()) {
                if (kind.key.equals(key.strip())) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("--profiler must be jfr or async, was " + key);
        }
    }

    static final String HELP = "usage: ./aigw bench overhead [options]\n\n"
            + "  --rounds N               interleaved rounds (default 3); figures are the medians over rounds\n"
            + "  --duration 6s            each measured load run (default 6s)\n"
            + "  --warm-up 10s            one pass of unmeasured load on each gateway before the rounds; passes\n"
            + "                           repeat until req/s settles (within 5 %), at most 12; on this gateway\n"
            + "                           also until its JITs compiled at most 10 % of the time, at most 36\n"
            + "                           (default 10s)\n"
            + "  --connections 1,16,64    connection counts of the load runs (default 1,16,64)\n"
            + "  --stream-duration 3s     each measured streaming run; 0s skips streams (default 3s)\n"
            + "  --stream-connections 1,16,64  concurrent streams (default 1,16,64)\n"
            + "  --targets LIST           of direct,nginx-proxy,portkey,aigw-miss,aigw-hit,aigw-base (default all;\n"
            + "                           direct always runs, it is the baseline; aigw-base only with --baseline…)\n"
            + "  --baseline DIR           A/B: also start a second stack from the service jars of the checkout DIR\n"
            + "                           (e.g. a git worktree of another commit, built with ./mvnw -DskipTests\n"
            + "                           package) as target aigw-base, a cache miss like aigw-miss, and report\n"
            + "                           aigw-miss ÷ aigw-base per round and its median\n"
            + "  --baseline-java-opts OPTS  A/B: the baseline stack's JVM options (default: the same as the other\n"
            + "                           stack's); without --baseline the baseline runs this checkout's jars\n"
            + "  --profile 20s            after the rounds, one cache-miss run at 16 connections with JFR recording in\n"
            + "                           every JVM; writes profile.md and profile.json (default 0s: none). With\n"
            + "                           --rounds 0 only the profile runs\n"
            + "  --profiler jfr|async     the profile's profiler: JFR (Java code only; profile.md) or async-profiler\n"
            + "                           (every thread, the JVM's own and the kernel's code too; profile-async.md,\n"
            + "                           needs $AIGW_BENCH_ASYNC_PROFILER from scripts/ensure-bench-tools.sh)\n"
            + "                           (default jfr)\n"
            + "  --postgres URL|h2        billing's ledger: a JDBC URL of a PostgreSQL, where the run gets schema\n"
            + "                           overhead_bench (dropped afterwards), or h2 for billing's embedded database\n"
            + "                           (default $AIGW_TEST_POSTGRES_URL, from scripts/ensure-test-infra.sh)\n"
            + "  --out DIR                where overhead.md and overhead.json go (default docs/benchmarks; any\n"
            + "                           non-default option writes to bench/target/benchmarks unless --out is given)\n"
            + "  --root DIR               project root (default: the current directory)\n\n"
            + "Whole run with the defaults: about 15 minutes (start-up, warm-up, 45 load and 36 stream runs).\n"
            + "An A/B run, e.g. --baseline ../aigw-base --targets aigw-miss --connections 16 --rounds 7\n"
            + "--stream-duration 0s: about 20 minutes (two stacks start and warm up).\n";

    static OverheadBenchOptions parse(String[] args, Map<String, String> env, Path cwd) {
        Path root = cwd;
        int rounds = 3;
        Duration duration = Duration.ofSeconds(6);
        Duration warmUp = Duration.ofSeconds(10);
        List<Integer> connections = List.of(1, 16, 64);
        Duration streamDuration = Duration.ofSeconds(3);
        List<Integer> streamConnections = List.of(1, 16, 64);
        List<Target> targets = null;
        Path baselineRoot = null;
        List<String> baselineJavaOpts = null;
        Duration profile = Duration.ZERO;
        ProfilerKind profiler = null;
        String postgres = env.get("AIGW_TEST_POSTGRES_URL");
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
            if (!name.equals("--root") && !name.equals("--out") && !(name.equals("--postgres") && !value.equals(H2))) {
                nonDefault = true;
            }
            switch (name) {
                case "--root" -> root = Path.of(value);
                case "--rounds" -> rounds = value.strip().equals("0") ? 0 : positive(name, value);
                case "--profile" -> profile = duration(name, value, true);
                case "--profiler" -> profiler = ProfilerKind.ofKey(value);
                case "--duration" -> duration = duration(name, value, false);
                case "--warm-up" -> warmUp = duration(name, value, true);
                case "--connections" -> connections = counts(name, value);
                case "--stream-duration" -> streamDuration = duration(name, value, true);
                case "--stream-connections" -> streamConnections = counts(name, value);
                case "--targets" -> targets = targets(value);
                case "--postgres" -> postgres = value.strip();
                case "--baseline" -> baselineRoot = cwd.resolve(value.strip());
                case "--baseline-java-opts" -> baselineJavaOpts = javaOpts(name, value);
                case "--out" -> out = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option: " + name);
            }
        }
        root = root.toAbsolutePath().normalize();
        Optional<Baseline> baseline = baseline(baselineRoot, baselineJavaOpts, root);
        targets = withBaseline(targets, baseline.isPresent());
        if (rounds == 0 && profile.isZero()) {
            throw new IllegalArgumentException("--rounds 0 runs nothing without --profile");
        }
        if (!profile.isZero() && !targets.contains(Target.AIGW_MISS)) {
            throw new IllegalArgumentException("--profile profiles the aigw-miss target: keep it in --targets");
        }
        if (profiler != null && profile.isZero()) {
            throw new IllegalArgumentException("--profiler picks the profiler of --profile: give --profile too");
        }
        if (profiler == ProfilerKind.ASYNC && blank(env.get(ASYNC_PROFILER_ENV))) {
            throw new IllegalArgumentException("--profiler async needs async-profiler: run"
                    + " eval \"$(bash scripts/ensure-bench-tools.sh 2>/dev/null)\" first (" + ASYNC_PROFILER_ENV + ")");
        }
        if (blank(postgres)) {
            throw new IllegalArgumentException("billing's ledger needs a PostgreSQL: run"
                    + " eval \"$(bash scripts/ensure-test-infra.sh 2>/dev/null)\" first (AIGW_TEST_POSTGRES_URL),"
                    + " give --postgres jdbc:postgresql://…, or --postgres h2 for billing's embedded database");
        }
        if (postgres.equals(H2)) {
            postgres = null;
        }
        if (out == null) {
            out = nonDefault ? root.resolve("bench/target/benchmarks") : root.resolve("docs/benchmarks");
        }
        return new OverheadBenchOptions(
                root,
                rounds,
                duration,
                warmUp,
                connections,
                streamDuration,
                streamConnections,
                targets,
                profile,
                profiler == null ? ProfilerKind.JFR : profiler,
                postgres,
                baseline,
                Map.copyOf(env),
                root.resolve(out).normalize(),
                List.copyOf(userArgs));
    }

    boolean runs(Target target) {
        return targets.contains(target);
    }

    boolean streams() {
        return !streamDuration.isZero() && !streamConnections.isEmpty();
    }

    /** As typed, with an argument that holds blanks (the baseline's JVM options) in quotes again. */
    String commandLine() {
        StringBuilder line = new StringBuilder("./aigw bench overhead");
        for (String arg : userArgs) {
            line.append(' ').append(arg.isBlank() || arg.matches(".*\\s.*") ? "\"" + arg + "\"" : arg);
        }
        return line.toString();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static Optional<Baseline> baseline(Path root, List<String> javaOpts, Path thisRoot) {
        if (root == null && javaOpts == null) {
            return Optional.empty();
        }
        Path baselineRoot = root == null ? thisRoot : root.toAbsolutePath().normalize();
        if (!Files.isDirectory(baselineRoot)) {
            throw new IllegalArgumentException("--baseline must be a checkout of this project, was " + baselineRoot);
        }
        return Optional.of(new Baseline(baselineRoot, Optional.ofNullable(javaOpts)));
    }

    /**
     * All targets unless {@code --targets} named some; {@link Target#AIGW_BASE} exactly when there is a
     * baseline, since it has nothing to run otherwise.
     */
    private static List<Target> withBaseline(List<Target> named, boolean baseline) {
        if (named != null && named.contains(Target.AIGW_BASE) && !baseline) {
            throw new IllegalArgumentException(
                    "--targets: aigw-base is the baseline of an A/B run: give --baseline DIR or --baseline-java-opts");
        }
        List<Target> targets = new ArrayList<>(named == null ? List.of(Target.values()) : named);
        targets.remove(Target.AIGW_BASE);
        if (baseline) {
            targets.add(Target.AIGW_BASE);
        }
        return targets.stream().sorted().toList();
    }

    private static List<String> javaOpts(String name, String value) {
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " needs JVM options, e.g. \"-Xmx256m -XX:+UseSerialGC\"");
        }
        return List.of(value.strip().split("\\s+"));
    }

    private static List<Target> targets(String value) {
        List<Target> targets = new ArrayList<>(List.of(Target.DIRECT));
        for (String key : value.split(",")) {
            Target target;
            try {
                target = Target.ofKey(key.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--targets: " + e.getMessage());
            }
            if (!targets.contains(target)) {
                targets.add(target);
            }
        }
        return targets.stream().sorted().toList();
    }

    private static List<Integer> counts(String name, String value) {
        List<Integer> counts = new ArrayList<>();
        for (String part : value.split(",")) {
            int count = positive(name, part.strip());
            if (count > 1024) {
                throw new IllegalArgumentException(name + " must be at most 1024, was " + count);
            }
            if (!counts.contains(count)) {
                counts.add(count);
            }
        }
        return counts.stream().sorted().toList();
    }

    private static int positive(String name, String value) {
        try {
            int parsed = Integer.parseInt(value);
            if (parsed <= 0) {
                throw new IllegalArgumentException(name + " must be positive, was " + value);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, was " + value);
        }
    }

    /** {@code 500ms}, {@code 6s}, {@code 2m}. */
    static Duration duration(String name, String value, boolean zeroAllowed) {
        String v = value.strip().toLowerCase(java.util.Locale.ROOT);
        Duration parsed;
        try {
            if (v.endsWith("ms")) {
                parsed = Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            } else if (v.endsWith("s")) {
                parsed = Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)));
            } else if (v.endsWith("m")) {
                parsed = Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1)));
            } else {
                throw new NumberFormatException(v);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must look like 500ms, 6s or 2m, was " + value);
        }
        if (parsed.isNegative() || (!zeroAllowed && parsed.isZero())) {
            throw new IllegalArgumentException(
                    name + " must be " + (zeroAllowed ? "0 or more" : "positive") + ", was " + value);
        }
        return parsed;
    }
}
