package io.aigw.bench.routing.domain;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The learned group's section of {@code routing.md} (between {@link #BEGIN} and {@link #END}, so the
 * other benchmark run keeps it) and its {@code "learned"} key of {@code routing.json}.
 */
public final class LearnedReport {

    public static final String BEGIN = "<!-- learned:begin -->";
    public static final String END = "<!-- learned:end -->";

    /**
     * How the run was made.
     *
     * @param trainShare share of each set's prompts fed back as feedback
     * @param predictor a description of the predictor settings in effect
     */
    public record Run(
            String date,
            String command,
            String machine,
            int concurrency,
            double trainShare,
            long seed,
            String predictor) {}

    private LearnedReport() {}

    public static String markdown(Run run, List<LearnedResult> results) {
        StringBuilder out = new StringBuilder();
        out.append(BEGIN).append('\n');
        out.append(
                "## Learned tier selection: feedback → k-nearest neighbours → cheapest tier predicted to answer well\n\n");
        out.append("- Command: `").append(run.command()).append("`\n");
        out.append("- Date: ")
                .append(run.date())
                .append("; machine: ")
                .append(run.machine())
                .append("; ")
                .append(run.concurrency())
                .append(" requests in flight\n");
        out.append("- Split: ")
                .append(percent(run.trainShare()))
                .append(" train / ")
                .append(percent(1 - run.trainShare()))
                .append(" test, per source (MMLU subject), seeded shuffle, seed ")
                .append(run.seed())
                .append('\n');
        for (LearnedResult r : results) {
            out.append("- ")
                    .append(name(r.set()))
                    .append(": ")
                    .append(r.sample())
                    .append("; ")
                    .append(String.format(Locale.ROOT, "%,d", r.train()))
                    .append(" train, ")
                    .append(String.format(Locale.ROOT, "%,d", r.test()))
                    .append(" test; feedback accepted ")
                    .append(String.format(Locale.ROOT, "%,d", r.feedbackAccepted()))
                    .append(", refused ")
                    .append(r.feedbackRefused())
                    .append("; learned group errors ")
                    .append(r.gatewayErrors())
                    .append(", answers without scores ")
                    .append(r.withoutScores())
                    .append(", answers the offline rule routes differently ")
                    .append(r.disagreements())
                    .append('\n');
        }
        out.append("- Group: `learned` = [`llama-3-8b`, `gpt-4o`]; ")
                .append(run.predictor())
                .append("\n\n");
        out.append("| set | router | n (test) | accuracy | cost / 1,000 requests (USD) | strong share | APGR |"
                + " CPT(50 %) | CPT(80 %) |\n");
        out.append("|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (LearnedResult r : results) {
            String set = name(r.set());
            row(out, set, "always-weak", r.test(), r.weak(), "–", "–", "–");
            row(out, set, "always-strong", r.test(), r.strong(), "–", "–", "–");
            LearnedResult.Summary random50 = new LearnedResult.Summary(
                    (r.weak().accuracy() + r.strong().accuracy()) / 2, r.randomCostPer1k(0.5), 0.5);
            row(out, set, "random (expected, at 50 % strong)", r.test(), random50, "0.500", "50.0 %", "80.0 %");
            row(
                    out,
                    set,
                    String.format(
                            Locale.ROOT,
                            "learned, target %s → threshold %.3f (through the gateway)",
                            r.target().replace("=", " "),
                            r.threshold()),
                    r.test(),
                    r.gateway(),
                    fixed3(r.curve().apgr()),
                    cpt(r.cpt(0.5)),
                    cpt(r.cpt(0.8)));
            row(out, set, "oracle", r.test(), r.oracle(), "–", "–", "–");
        }
        out.append("\nWhat reaching the gap costs (from the sweep; random is the straight line between always-weak"
                + " and always-strong):\n\n");
        out.append("| set | gap recovered | learned: strong share | learned: accuracy | learned: cost / 1,000 |"
                + " random: strong share | random: cost / 1,000 |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (LearnedResult r : results) {
            for (double gap : new double[] {0.5, 0.8}) {
                Optional<RouterCurve.Point> p = r.cpt(gap);
                out.append("| ")
                        .append(name(r.set()))
                        .append(" | ")
                        .append(percent(gap))
                        .append(" | ")
                        .append(p.map(x -> percent(x.strongShare())).orElse("not reached"))
                        .append(" | ")
                        .append(p.map(x -> fixed3(x.accuracy())).orElse("–"))
                        .append(" | ")
                        .append(p.map(x -> fixed4(x.costPer1k())).orElse("–"))
                        .append(" | ")
                        .append(percent(gap))
                        .append(" | ")
                        .append(fixed4(r.randomCostPer1k(gap)))
                        .append(" |\n");
            }
        }
        out.append("\n### How these are measured\n\n");
        out.append("- Training: each training prompt is sent through the gateway to `llama-3-8b` (replays the weak"
                + " model) and to `gpt-4o` (replays the strong one); each answer is scored with its label exactly as"
                + " above (a cut answer is wrong) and posted to `POST /v1/feedback` with its `x-aigw-request-id`"
                + " and score 1 or 0. Routing stores the feedback with the prompt's MiniLM embedding, the model and"
                + " its tier.\n");
        out.append("- Test: each test prompt is sent to the `learned` group (the measured row), and to both models,"
                + " whose scored answers and `x-aigw-cost-usd` give always-weak, always-strong, the oracle and the"
                + " sweep. Nothing that routes sees a label.\n");
        out.append("- Threshold: not set by hand. The group has a target (`--target`: a top-tier share, or a quality"
                + " level) and routing calibrates the threshold for it on the tenant's stored feedback: each distinct"
                + " training prompt is predicted as if it were new (its own feedback left out), and of the thresholds"
                + " that keep to the target the one with the best predicted quality is taken (for a quality target: the"
                + " one that reaches it with the fewest strong calls). The row names the threshold that came out (every"
                + " answer carries it in `x-aigw-tier-threshold`); the test prompts' strong share against the target"
                + " shows how well the training prompts stood in for them. Before the test, a training prompt is sent"
                + " to the group until its answer carries a threshold (the calibration runs in the background).\n");
        out.append("- Sweep: the learned group answers with `x-aigw-tier-scores` (its predicted probability of a good"
                + " answer per tier). Its `gap` rule sends a prompt to the strong model when p(strong) − p(weak) is more"
                + " than the threshold. Offline, for every threshold (each distinct value of p(weak) − p(strong) sent),"
                + " the prompts below it go to the strong model and take that model's measured test answer — the same"
                + " rule at every threshold. PGR = (accuracy − weak accuracy) / (strong accuracy − weak accuracy); APGR"
                + " is the area under PGR over the strong share from 0 to 1 (trapezoids, as RouteLLM does with the share"
                + " of strong calls as the cost axis); CPT(x) is the smallest strong share whose PGR is at least x. A"
                + " random router's PGR is its strong share, so its APGR is 0.5 and its CPT(x) is x. \"Answers the"
                + " offline rule routes differently\" checks that the gateway's choice matches the rule on the rounded"
                + " scores it sent.\n");
        out.append("- Predictor: per tier, the mean score of the k training prompts nearest by cosine, mixed with the"
                + " tier's overall mean score as a prior of a few pseudo-examples; then the weak tier's prediction is"
                + " lowered by the length weight per standard deviation of log prompt length above the feedback's mean"
                + " (raised below it). Tuned on the training split only — 5-fold cross-validation inside it"
                + " (`bench/tuning/LearnedTuning.java`, the recorded labels as feedback); the test split was never"
                + " read for it. APGR / CPT(50 %), mean of the folds, GSM8K (915 training prompts): k = 50, prior 4,"
                + " no length 0.610 / 39.3 %; no other k (10–200), prior (0–16) or similarity weighting of the"
                + " neighbours did better than APGR 0.612; length alone 0.594 / 37.8 %; k = 50, prior 4 with length"
                + " weight 0.02: 0.634 / 32.0 %, 0.05: 0.652 / 30.6 %, 0.1: 0.644 / 31.4 %, 0.2: 0.626 / 36.3 %."
                + " MMLU (2,106): no length 0.660 / 28.3 %, 0.05: 0.684 / 26.1 %, 0.1: 0.681 / 27.6 %, length alone"
                + " 0.625 / 33.7 %. Hence the `gap` rule with k = 50, prior 4 and length weight 0.05 as the defaults"
                + " (`gap` over `probability` and k = 50 came from an earlier offline comparison, ADR 0030).\n");
        out.append(END).append('\n');
        return out.toString();
    }

    /** The value of the top-level {@code "learned"} key. */
    public static String json(Run run, List<LearnedResult> results) {
        StringBuilder out = new StringBuilder();
        out.append("{\n");
        out.append("    \"date\": \"").append(run.date()).append("\",\n");
        out.append("    \"command\": \"").append(run.command()).append("\",\n");
        out.append("    \"train_share\": ").append(fixed4(run.trainShare())).append(",\n");
        out.append("    \"seed\": ").append(run.seed()).append(",\n");
        out.append("    \"datasets\": {");
        String separator = "\n";
        for (LearnedResult r : results) {
            out.append(separator);
            separator = ",\n";
            out.append("      \"").append(r.set().label()).append("\": {");
            out.append("\"train\": ").append(r.train());
            out.append(", \"test\": ").append(r.test());
            out.append(", \"target\": \"").append(r.target()).append('"');
            out.append(", \"threshold\": ").append(fixed4(r.threshold()));
            out.append(", \"accuracy\": ").append(fixed4(r.gateway().accuracy()));
            out.append(", \"cost_per_1k_requests_usd\": ")
                    .append(fixed6(r.gateway().costPer1k()));
            out.append(", \"strong_share\": ").append(fixed4(r.gateway().strongShare()));
            out.append(", \"apgr\": ").append(fixed4(r.curve().apgr()));
            out.append(", \"cpt50_strong_share\": ")
                    .append(r.cpt(0.5).map(p -> fixed4(p.strongShare())).orElse("null"));
            out.append(", \"cpt80_strong_share\": ")
                    .append(r.cpt(0.8).map(p -> fixed4(p.strongShare())).orElse("null"));
            out.append(", \"test_weak_accuracy\": ").append(fixed4(r.weak().accuracy()));
            out.append(", \"test_strong_accuracy\": ").append(fixed4(r.strong().accuracy()));
            out.append(", \"test_oracle_accuracy\": ").append(fixed4(r.oracle().accuracy()));
            out.append(", \"test_oracle_strong_share\": ")
                    .append(fixed4(r.oracle().strongShare()));
            out.append(", \"random_apgr\": 0.5}");
        }
        out.append("\n    }\n  }");
        return out.toString();
    }

    /** {@code routing.md} with the learned section replaced, or appended when it has none. */
    public static String spliceMarkdown(String existing, String section) {
        int begin = existing.indexOf(BEGIN);
        int end = existing.indexOf(END);
        if (begin >= 0 && end > begin) {
            return existing.substring(0, begin)
                    + section
                    + existing.substring(end + END.length()).replaceFirst("^\n", "");
        }
        return existing.endsWith("\n") ? existing + "\n" + section : existing + "\n\n" + section;
    }

    /** The learned section of a {@code routing.md}, if it has one. */
    public static Optional<String> sectionOf(String markdown) {
        int begin = markdown.indexOf(BEGIN);
        int end = markdown.indexOf(END);
        return begin >= 0 && end > begin
                ? Optional.of(markdown.substring(begin, end + END.length()) + "\n")
                : Optional.empty();
    }

    private static final String JSON_KEY = ",\n  \"learned\": ";

    /** {@code routing.json} with its top-level {@code "learned"} value replaced or added. */
    public static String spliceJson(String existing, String learnedValue) {
        String base = existing.stripTrailing();
        int at = base.indexOf(JSON_KEY);
        if (at >= 0) {
            base = base.substring(0, at);
        } else if (base.endsWith("}")) {
            base = base.substring(0, base.length() - 1).stripTrailing();
        }
        return base + JSON_KEY + learnedValue + "\n}\n";
    }

    /** The top-level {@code "learned"} value of a {@code routing.json} written by {@link #spliceJson}. */
    public static Optional<String> jsonValueOf(String json) {
        String text = json.stripTrailing();
        int at = text.indexOf(JSON_KEY);
        if (at < 0 || !text.endsWith("}")) {
            return Optional.empty();
        }
        return Optional.of(
                text.substring(at + JSON_KEY.length(), text.length() - 1).stripTrailing());
    }

    private static void row(
            StringBuilder out,
            String set,
            String router,
            int n,
            LearnedResult.Summary s,
            String apgr,
            String c50,
            String c80) {
        out.append("| ")
                .append(set)
                .append(" | ")
                .append(router)
                .append(" | ")
                .append(String.format(Locale.ROOT, "%,d", n))
                .append(" | ")
                .append(fixed3(s.accuracy()))
                .append(" | ")
                .append(fixed4(s.costPer1k()))
                .append(" | ")
                .append(percent(s.strongShare()))
                .append(" | ")
                .append(apgr)
                .append(" | ")
                .append(c50)
                .append(" | ")
                .append(c80)
                .append(" |\n");
    }

    private static String cpt(Optional<RouterCurve.Point> point) {
        return point.map(p -> percent(p.strongShare())).orElse("not reached");
    }

    private static String name(Dataset set) {
        return set == Dataset.GSM8K ? "GSM8K" : "MMLU";
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f %%", share * 100);
    }

    private static String fixed3(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static String fixed4(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    private static String fixed6(double v) {
        return String.format(Locale.ROOT, "%.6f", v);
    }
}
