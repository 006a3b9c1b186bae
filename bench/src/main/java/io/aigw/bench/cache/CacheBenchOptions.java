package io.aigw.bench.cache;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The command line of {@code ./aigw bench cache}.
 *
 * @param root the project root (where the cache-service jar is built)
 * @param redis the Redis cache-service uses (a dedicated tenant; its keys are removed afterwards)
 * @param postgres JDBC URL of the PostgreSQL with pgvector (a dedicated schema, dropped afterwards)
 * @param schema that schema
 * @param pairs the dev set whose {@code a} prompts are stored and {@code b} prompts looked up
 * @param entries semantic entries in all
 * @param scopes scopes they are spread over (equally)
 * @param exactEntries entries stored for the exact path
 * @param lookups timed lookups per path
 * @param warmUp untimed lookups before them
 * @param maxLoad wait (bounded by {@code loadWait}) until the 1-minute load average is below this
 * @param loadWait how long to wait for it at most
 * @param out where cache.md and cache.json are updated
 * @param userArgs the arguments as typed (without {@code --root}), for the report's command line
 */
record CacheBenchOptions(
        Path root,
        String redis,
        String postgres,
        String schema,
        Path pairs,
        int entries,
        int scopes,
        int exactEntries,
        int lookups,
        int warmUp,
        double maxLoad,
        Duration loadWait,
        Path out,
        List<String> userArgs) {

    static final String HELP = "usage: ./aigw bench cache [options]\n\n"
            + "  --entries N         semantic entries in pgvector (default 100000)\n"
            + "  --scopes N          scopes they are spread over, equally (default 50)\n"
            + "  --exact-entries N   entries stored for the exact path (default 1000)\n"
            + "  --lookups N         timed lookups per path (default 2000)\n"
            + "  --warm-up N         untimed lookups before them (default 500)\n"
            + "  --max-load X        wait until the 1-minute load average is below X (default 2)\n"
            + "  --load-wait 10m     how long to wait for that at most, then run anyway and report it\n"
            + "  --redis URL         Redis (default $AIGW_TEST_REDIS_URL, else redis://127.0.0.1:6379)\n"
            + "  --postgres URL      PostgreSQL with pgvector, JDBC (default $AIGW_TEST_POSTGRES_URL)\n"
            + "  --schema NAME       dedicated schema, dropped afterwards (default cache_bench)\n"
            + "  --pairs FILE        dev set (default <root>/../shared/evals/semantic-cache-dev.jsonl)\n"
            + "  --out DIR           where cache.md and cache.json are updated (default docs/benchmarks;\n"
            + "                      any non-default option writes to bench/target/benchmarks unless --out is given)\n"
            + "  --root DIR          project root (default: the current directory)\n";

    static CacheBenchOptions parse(String[] args, Map<String, String> env, Path cwd) {
        Path root = cwd;
        String redis = env.getOrDefault("AIGW_TEST_REDIS_URL", "redis://127.0.0.1:6379");
        String postgres = env.get("AIGW_TEST_POSTGRES_URL");
        String schema = "cache_bench";
        Path pairs = null;
        int entries = 100_000;
        int scopes = 50;
        int exactEntries = 1000;
        int lookups = 2000;
        int warmUp = 500;
        double maxLoad = 2.0;
        Duration loadWait = Duration.ofMinutes(10);
        Path out = null;
        boolean nonDefault = false;
        List<String> userArgs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + name);
            }
            String value = args[++i];
            if (!name.equals("--root")) {
                userArgs.add(name);
                userArgs.add(value);
            }
            switch (name) {
                case "--root" -> root = Path.of(value);
                case "--redis" -> redis = value;
                case "--postgres" -> postgres = value;
                case "--schema" -> schema = value;
                case "--pairs" -> pairs = Path.of(value);
                case "--out" -> out = Path.of(value);
                case "--max-load" -> maxLoad = Double.parseDouble(value);
                case "--load-wait" -> loadWait = Duration.parse("PT" + value.toUpperCase());
                case "--entries" -> entries = positive(name, value);
                case "--scopes" -> scopes = positive(name, value);
                case "--exact-entries" -> exactEntries = positive(name, value);
                case "--lookups" -> lookups = positive(name, value);
                case "--warm-up" -> warmUp = Integer.parseInt(value);
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
            if (!List.of("--root", "--redis", "--postgres", "--out", "--max-load", "--load-wait")
                    .contains(name)) {
                nonDefault = true;
            }
        }
        if (postgres == null || postgres.isBlank()) {
            throw new IllegalArgumentException("no PostgreSQL: give --postgres or run"
                    + " eval \"$(bash scripts/ensure-test-infra.sh 2>/dev/null)\" first (AIGW_TEST_POSTGRES_URL)");
        }
        if (!schema.matches("[a-z_][a-z0-9_]{0,40}")) {
            throw new IllegalArgumentException("--schema must be a plain lower-case identifier: " + schema);
        }
        if (entries / scopes < 1) {
            throw new IllegalArgumentException("--entries must be at least --scopes");
        }
        if (pairs == null) {
            pairs = root.resolve("../shared/evals/semantic-cache-dev.jsonl").normalize();
        }
        if (out == null) {
            out = root.resolve(nonDefault ? "bench/target/benchmarks" : "docs/benchmarks");
        }
        return new CacheBenchOptions(
                root,
                redis,
                postgres,
                schema,
                pairs,
                entries,
                scopes,
                exactEntries,
                lookups,
                warmUp,
                maxLoad,
                loadWait,
                out,
                List.copyOf(userArgs));
    }

    private static int positive(String name, String value) {
        int parsed = Integer.parseInt(value);
        if (parsed < 1) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
        return parsed;
    }

    String commandLine() {
        return userArgs.isEmpty() ? "./aigw bench cache" : "./aigw bench cache " + String.join(" ", userArgs);
    }

    /** The JDBC URL with the dedicated schema first on the search path. */
    String schemaUrl() {
        return postgres + (postgres.contains("?") ? "&" : "?") + "currentSchema=" + schema + ",public";
    }
}
