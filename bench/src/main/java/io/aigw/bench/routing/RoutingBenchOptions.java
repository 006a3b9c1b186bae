package io.aigw.bench.routing;

import io.aigw.bench.routing.domain.Dataset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The command line of {@code ./aigw bench routing}.
 *
 * @param root the project root (where the service jars are built)
 * @param data the shared data folder holding {@code routellm/}
 * @param sets which data sets to run
 * @param mmluSample when present, a stratified fixed-seed sample of this many MMLU prompts
 * @param seed the sample's seed
 * @param gsm8kMaxTokens {@code max_tokens} of every GSM8K request
 * @param mmluMaxTokens {@code max_tokens} of every MMLU request
 * @param concurrency requests in flight
 * @param timeout the budget of all requests together
 * @param out where routing.md and routing.json go
 * @param userArgs the arguments as typed (without {@code --root}), for the report's command line
 * @param learned run the learned-group benchmark (feedback on a training split, replay of the rest)
 *     instead of the strategies
 * @param target the learned group's target in that run, {@code top-tier-share=F} or {@code quality=F}
 * @param trainShare the share of each set fed back as feedback in that run
 */
record RoutingBenchOptions(
        Path root,
        Path data,
        Set<Dataset> sets,
        OptionalInt mmluSample,
        long seed,
        int gsm8kMaxTokens,
        int mmluMaxTokens,
        int concurrency,
        Duration timeout,
        Path out,
        List<String> userArgs,
        boolean learned,
        String target,
        double trainShare) {

    /** The MMLU sample of the learned run when {@code --sample} is not given: it sends each prompt 3 times. */
    static final int LEARNED_MMLU_SAMPLE = 3_000;

    static final String HELP = "usage: ./aigw bench routing [options]\n\n"
            + "  --sets gsm8k,mmlu     data sets to run (default both)\n"
            + "  --sample N            a stratified (by subject), fixed-seed sample of N MMLU prompts; writes to\n"
            + "                        bench/target/benchmarks unless --out is given (default: the full set)\n"
            + "  --seed S              the sample's seed (default 42)\n"
            + "  --gsm8k-max-tokens T  max_tokens of GSM8K requests (default 512)\n"
            + "  --mmlu-max-tokens T   max_tokens of MMLU requests (default 16)\n"
            + "  --concurrency C       requests in flight (default 12)\n"
            + "  --timeout 30m         budget for all requests (default 30m)\n"
            + "  --out DIR             where routing.md and routing.json go (default docs/benchmarks)\n"
            + "  --data DIR            shared data folder with routellm/ (default $AIGW_SHARED_DATA, else\n"
            + "                        <root>/../shared/data)\n"
            + "  --root DIR            project root (default: the current directory)\n"
            + "  --learned             instead: the learned group. Feeds the labels of a training split to\n"
            + "                        POST /v1/feedback, replays the rest through group `learned`, sweeps the\n"
            + "                        threshold (APGR, CPT); MMLU is sampled to 3,000 unless --sample is given;\n"
            + "                        writes its own section of routing.md and key of routing.json\n"
            + "  --target K=F          the learned group's target, which routing calibrates its threshold for on\n"
            + "                        the feedback: top-tier-share=F (at most F of the requests on the strong\n"
            + "                        model) or quality=F (mean predicted score F); default top-tier-share=0.3\n"
            + "  --train-share F       share of each set used as feedback (default 0.7)\n";

    static RoutingBenchOptions parse(String[] args, Map<String, String> env, Path cwd) {
        Path root = cwd;
        Path data = null;
        Set<Dataset> sets = EnumSet.allOf(Dataset.class);
        OptionalInt sample = OptionalInt.empty();
        long seed = 42;
        int gsm8kMaxTokens = 512;
        int mmluMaxTokens = 16;
        int concurrency = 12;
        Duration timeout = Duration.ofMinutes(30);
        Path out = null;
        List<String> userArgs = new ArrayList<>();
        boolean learned = false;
        String target = DEFAULT_TARGET;
        double trainShare = 0.7;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--learned")) {
                learned = true;
                userArgs.add(name);
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(
                        name.startsWith("--") ? name + " needs a value" : "unknown: " + name);
            }
            String value = args[++i];
            if (!name.equals("--root")) {
                userArgs.add(name);
                userArgs.add(value);
            }
            switch (name) {
                case "--root" -> root = Path.of(value);
                case "--data" -> data = Path.of(value);
                case "--sets" -> sets = sets(value);
                case "--sample" -> sample = OptionalInt.of(positive(name, value));
                case "--seed" -> seed = Long.parseLong(value);
                case "--gsm8k-max-tokens" -> gsm8kMaxTokens = positive(name, value);
                case "--mmlu-max-tokens" -> mmluMaxTokens = positive(name, value);
                case "--concurrency" -> concurrency = positive(name, value);
                case "--timeout" -> timeout = duration(value);
                case "--out" -> out = Path.of(value);
                case "--target" -> target = target(value);
                case "--train-share" -> trainShare = share(name, value, false);
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
            out = sample.isPresent() && !learned
                    ? root.resolve("bench/target/benchmarks")
                    : root.resolve("docs/benchmarks");
        }
        if (learned && sample.isEmpty()) {
            sample = OptionalInt.of(LEARNED_MMLU_SAMPLE);
        }
        return new RoutingBenchOptions(
                root,
                root.resolve(data).toAbsolutePath().normalize(),
                sets,
                sample,
                seed,
                gsm8kMaxTokens,
                mmluMaxTokens,
                concurrency,
                timeout,
                root.resolve(out).normalize(),
                List.copyOf(userArgs),
                learned,
                target,
                trainShare);
    }

    /** The learned group's target when {@code --target} is not given. */
    static final String DEFAULT_TARGET = "top-tier-share=0.3";

    /** The target as routing's group configuration, e.g. {@code {"top-tier-share":0.3}}. */
    String targetJson() {
        int eq = target.indexOf('=');
        return "{\"" + target.substring(0, eq) + "\":" + target.substring(eq + 1) + "}";
    }

    private static String target(String value) {
        int eq = value.indexOf('=');
        String kind = eq < 0 ? "" : value.substring(0, eq).strip();
        if (!kind.equals("top-tier-share") && !kind.equals("quality")) {
            throw new IllegalArgumentException("--target must be top-tier-share=F or quality=F, was " + value);
        }
        double share = share("--target", value.substring(eq + 1).strip(), true);
        return kind + "=" + share;
    }

    int maxTokens(Dataset dataset) {
        return dataset == Dataset.GSM8K ? gsm8kMaxTokens : mmluMaxTokens;
    }

    String commandLine() {
        return userArgs.isEmpty() ? "./aigw bench routing" : "./aigw bench routing " + String.join(" ", userArgs);
    }

    private static Set<Dataset> sets(String value) {
        Set<Dataset> sets = EnumSet.noneOf(Dataset.class);
        for (String name : value.split(",")) {
            try {
                sets.add(Dataset.valueOf(name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown data set: " + name + " (gsm8k, mmlu)");
            }
        }
        if (sets.isEmpty()) {
            throw new IllegalArgumentException("--sets names no data set");
        }
        return sets;
    }

    private static double share(String name, String value, boolean inclusive) {
        try {
            double parsed = Double.parseDouble(value);
            if (inclusive ? parsed >= 0 && parsed <= 1 : parsed > 0 && parsed < 1) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // falls through
        }
        throw new IllegalArgumentException(
                name + " must be a number " + (inclusive ? "from 0 to 1" : "between 0 and 1") + ", was " + value);
    }

    private static int positive(String name, String value) {
        try {
            int parsed = Integer.parseInt(value);
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // falls through
        }
        throw new IllegalArgumentException(name + " must be a positive whole number, was " + value);
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
            throw new IllegalArgumentException("--timeout must look like 30m, 90s or PT30M, was " + value);
        }
    }
}
