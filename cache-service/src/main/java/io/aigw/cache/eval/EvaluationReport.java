package io.aigw.cache.eval;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Turns pair outcomes into the Markdown report and the JSON headline figures. */
final class EvaluationReport {

    /** Recall reachable by choosing the threshold, at a bounded false-hit rate. */
    record Sweep(double recall, int hits, int falseHits, double threshold) {}

    private final List<PairOutcome> outcomes;
    private final double threshold;
    private final String index;
    private final Path pairs;
    private final Duration took;
    private final int positives;
    private final int negatives;

    EvaluationReport(List<PairOutcome> outcomes, double threshold, String index, Path pairs, Duration took) {
        this.outcomes = List.copyOf(outcomes);
        this.threshold = threshold;
        this.index = index;
        this.pairs = pairs;
        this.took = took;
        this.positives = (int) outcomes.stream().filter(PairOutcome::same).count();
        this.negatives = outcomes.size() - positives;
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    int hits() {
        return (int) outcomes.stream().filter(o -> o.same() && o.served()).count();
    }

    int falseHits() {
        return (int) outcomes.stream().filter(o -> !o.same() && o.served()).count();
    }

    /** The best recall over all thresholds with at most {@code maxFalseHitRate} false hits. */
    Sweep sweep(boolean verified, double maxFalseHitRate) {
        Sweep best = new Sweep(0, 0, 0, 1.0);
        for (double t :
                new TreeSet<>(outcomes.stream().map(PairOutcome::similarity).toList())) {
            int hits = 0;
            int falseHits = 0;
            for (PairOutcome o : outcomes) {
                if (o.similarity() >= t && (!verified || o.verified())) {
                    if (o.same()) {
                        hits++;
                    } else {
                        falseHits++;
                    }
                }
            }
            if (falseHits <= maxFalseHitRate * negatives && hits > best.hits()) {
                best = new Sweep((double) hits / positives, hits, falseHits, t);
            }
        }
        return best;
    }

    String markdown(String arguments) {
        StringBuilder md = new StringBuilder();
        md.append("# Semantic cache evaluation\n\n");
        md.append("Stores `a` of every pair under a tenant of its own, looks up `b` through the real lookup path")
                .append(" (in-process all-MiniLM-L6-v2 embedding, scope, ")
                .append(index)
                .append(" index, threshold, same-question verifier) and counts what it serves.\n\n");
        md.append("- pairs: `")
                .append(pairs)
                .append("` (")
                .append(positives)
                .append(" same, ")
                .append(negatives)
                .append(" near-misses)\n");
        md.append("- shipped defaults: threshold ").append(threshold).append(", verifier on\n");
        md.append("- arguments: `").append(arguments).append("`\n");
        md.append("- date: ")
                .append(LocalDate.now())
                .append(", machine: 2 cores (shared), took ")
                .append(took.toSeconds())
                .append(" s\n\n");
        md.append("## At the shipped defaults\n\n| kind | same | pairs | served | rate |\n|---|---|---|---|---|\n");
        Map<String, int[]> byKind = new TreeMap<>();
        Map<String, Boolean> sameByKind = new HashMap<>();
        for (PairOutcome o : outcomes) {
            int[] counts = byKind.computeIfAbsent(o.kind(), k -> new int[2]);
            counts[0]++;
            counts[1] += o.served() ? 1 : 0;
            sameByKind.put(o.kind(), o.same());
        }
        byKind.forEach((kind, c) -> md.append(String.format(
                Locale.ROOT,
                "| %s | %s | %d | %d | %s |%n",
                kind,
                sameByKind.get(kind) ? "yes" : "no",
                c[0],
                c[1],
                percent((double) c[1] / c[0]))));
        md.append(String.format(
                Locale.ROOT,
                "%n**Overall:** hits %d of %d (recall %s), false hits %d of %d" + " (false-hit rate %s).%n%n",
                hits(),
                positives,
                percent((double) hits() / positives),
                falseHits(),
                negatives,
                percent((double) falseHits() / negatives)));
        md.append("## Recall reachable by sweeping the threshold\n\n")
                .append("| path | at ≤1 % false hits | at ≤5 % false hits |\n|---|---|---|\n");
        for (boolean verified : new boolean[] {false, true}) {
            md.append("| ")
                    .append(verified ? "similarity + verifier" : "similarity alone")
                    .append(" | ")
                    .append(describe(sweep(verified, 0.01)))
                    .append(" | ")
                    .append(describe(sweep(verified, 0.05)))
                    .append(" |\n");
        }
        md.append("\n## Verifier rejections of near-misses (all thresholds)\n\n| reason | near-misses |\n|---|---|\n");
        Map<String, Integer> reasons = new TreeMap<>();
        outcomes.stream()
                .filter(o -> !o.same())
                .forEach(o -> reasons.merge(o.rejection().orElse("accepted"), 1, Integer::sum));
        reasons.forEach((reason, n) ->
                md.append("| ").append(reason).append(" | ").append(n).append(" |\n"));
        return md.toString();
    }

    String json() {
        Sweep sim1 = sweep(false, 0.01);
        Sweep ver1 = sweep(true, 0.01);
        Sweep ver5 = sweep(true, 0.05);
        return String.format(
                Locale.ROOT,
                "{%n  \"benchmark\": \"semantic-cache\",%n  \"date\": \"%s\",%n"
                        + "  \"pairs\": %d,%n  \"index\": \"%s\",%n  \"threshold\": %s,%n  \"hits\": %d,%n"
                        + "  \"positives\": %d,%n  \"recall\": %.4f,%n  \"falseHits\": %d,%n  \"negatives\": %d,%n"
                        + "  \"falseHitRate\": %.4f,%n  \"recallAt1PctFalseHitsSimilarityOnly\": %.4f,%n"
                        + "  \"recallAt1PctFalseHitsVerified\": %.4f,%n  \"recallAt5PctFalseHitsVerified\": %.4f%n}%n",
                LocalDate.now(),
                outcomes.size(),
                index,
                threshold,
                hits(),
                positives,
                (double) hits() / positives,
                falseHits(),
                negatives,
                (double) falseHits() / negatives,
                sim1.recall(),
                ver1.recall(),
                ver5.recall());
    }

    private String describe(Sweep sweep) {
        return String.format(
                Locale.ROOT,
                "%s (%d hits, %d false, threshold %.3f)",
                percent(sweep.recall()),
                sweep.hits(),
                sweep.falseHits(),
                sweep.threshold());
    }

    private static String percent(double value) {
        return String.format(Locale.ROOT, "%.1f %%", value * 100);
    }
}
