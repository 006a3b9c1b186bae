package io.aigw.cache.eval;

import io.aigw.cache.adapter.in.web.ChatRequestReader;
import io.aigw.cache.adapter.out.onnx.MiniLmTextEmbedder;
import io.aigw.cache.application.CacheMetrics;
import io.aigw.cache.application.LookupAnswer;
import io.aigw.cache.application.LookupMode;
import io.aigw.cache.application.SemanticIndex;
import io.aigw.cache.application.StoreAnswer;
import io.aigw.cache.config.CacheProperties;
import io.aigw.cache.config.SemanticIndexFactory;
import io.aigw.cache.domain.AnswerFacts;
import io.aigw.cache.domain.CacheableRequest;
import io.aigw.cache.domain.LookupResult;
import io.aigw.cache.domain.SemanticSettings;
import io.aigw.cache.domain.StorePolicy;
import io.aigw.cache.domain.TenantId;
import io.aigw.cache.domain.TtlPolicy;
import io.aigw.cache.domain.verify.SameQuestionVerifier;
import io.aigw.cache.domain.verify.Verdict;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the real lookup path — embedding, scope, index, threshold, verifier — over a file of prompt
 * pairs ({@code {id,a,b,same,kind}} per line): stores {@code a} under a tenant of its own, looks up
 * {@code b}, and reports hits, false hits and the recall reachable at a bounded false-hit rate.
 *
 * <pre>
 * java -cp cache-service/target/cache-service-*.jar -Dloader.main=io.aigw.cache.eval.SemanticCacheEvaluation \
 *   org.springframework.boot.loader.launch.PropertiesLauncher \
 *   --pairs ../shared/evals/semantic-cache-dev.jsonl [--postgres jdbc:postgresql://…] [--threshold 0.75] \
 *   [--markdown docs/benchmarks/cache.md] [--json docs/benchmarks/cache.json]
 * </pre>
 */
public final class SemanticCacheEvaluation {

    private static final String MODEL = "gpt-4o-mini";
    private static final String RESPONSE = "{\"id\":\"eval\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,"
            + "\"message\":{\"role\":\"assistant\",\"content\":\"stored answer\"},\"finish_reason\":\"stop\"}]}";

    public static void main(String[] args) throws IOException {
        Map<String, String> options = EvaluationReport.options(args);
        Path pairs = Path.of(options.getOrDefault("pairs", "../shared/evals/semantic-cache-dev.jsonl"));
        double threshold = Double.parseDouble(options.getOrDefault("threshold", "0.75"));
        int candidates = Integer.parseInt(options.getOrDefault("candidates", "3"));
        CacheProperties.Postgres postgres = new CacheProperties.Postgres(
                options.getOrDefault("postgres", ""), "", "", 100, Duration.ofSeconds(5), 2, Duration.ofMinutes(10));
        SemanticIndexFactory.Choice choice = SemanticIndexFactory.choose(
                new CacheProperties.Semantic(true, threshold, candidates, true, 100_000, postgres));
        try {
            long started = System.nanoTime();
            List<PairOutcome> outcomes = run(pairs, choice.index(), threshold, candidates);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            EvaluationReport report =
                    new EvaluationReport(outcomes, threshold, choice.index().kind(), pairs, took);
            System.out.println(report.markdown(String.join(" ", args)));
            // the latency benchmark (./aigw bench cache) shares both files: keep what it wrote
            if (options.containsKey("markdown")) {
                Path markdown = Path.of(options.get("markdown"));
                String old = Files.exists(markdown) ? Files.readString(markdown) : "";
                Files.writeString(markdown, keepLatencySection(report.markdown(String.join(" ", args)), old));
            }
            if (options.containsKey("json")) {
                Path json = Path.of(options.get("json"));
                String old = Files.exists(json) ? Files.readString(json) : "";
                Files.writeString(json, keepOtherKeys(report.json(), old));
            }
        } finally {
            if (choice.dataSource() != null) {
                choice.dataSource().close();
            }
        }
    }

    /** {@code fresh} followed by the {@code ## Latency} section of {@code old} (its last section), if any. */
    static String keepLatencySection(String fresh, String old) {
        int at = old.indexOf("\n## Latency\n");
        if (at < 0) {
            return fresh;
        }
        return (fresh.endsWith("\n") ? fresh : fresh + "\n") + old.substring(at);
    }

    /** {@code fresh} (a flat JSON object, one key per line) plus the keys of {@code old} it does not have. */
    static String keepOtherKeys(String fresh, String old) {
        if (old.isBlank()) {
            return fresh;
        }
        JsonMapper json = JsonMapper.builder()
                .enable(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .build();
        JsonNode freshNode = json.readTree(fresh);
        StringBuilder extra = new StringBuilder();
        for (Map.Entry<String, JsonNode> property : json.readTree(old).properties()) {
            if (!freshNode.has(property.getKey())) {
                extra.append(",\n  ")
                        .append(json.writeValueAsString(property.getKey()))
                        .append(": ")
                        .append(json.writeValueAsString(property.getValue()));
            }
        }
        if (extra.isEmpty()) {
            return fresh;
        }
        int close = fresh.lastIndexOf('}');
        return fresh.substring(0, close).stripTrailing() + extra + "\n}\n";
    }

    static List<PairOutcome> run(Path pairs, SemanticIndex index, double threshold, int candidates) throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        MiniLmTextEmbedder embedder = new MiniLmTextEmbedder();
        MapExactAnswerStore exact = new MapExactAnswerStore();
        Clock clock = Clock.systemUTC();
        SameQuestionVerifier verifier = new SameQuestionVerifier();
        StoreAnswer store = new StoreAnswer(
                exact,
                index,
                embedder,
                new StorePolicy(false, 1.0),
                new TtlPolicy(Duration.ofHours(1), Map.of()),
                CacheMetrics.NONE,
                clock);
        LookupAnswer shipped = new LookupAnswer(
                exact,
                index,
                embedder,
                verifier,
                new SemanticSettings(threshold, candidates, true),
                CacheMetrics.NONE,
                clock);
        // the same path without threshold or verifier: the similarity the index reports, for the sweep
        LookupAnswer probe = new LookupAnswer(
                exact, index, embedder, verifier, new SemanticSettings(0, 1, false), CacheMetrics.NONE, clock);
        List<PairOutcome> outcomes = new ArrayList<>();
        String runId = Long.toString(System.currentTimeMillis(), 36);
        for (String line : Files.readAllLines(pairs)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode pair = json.readTree(line);
            String a = pair.path("a").stringValue();
            String b = pair.path("b").stringValue();
            TenantId tenant =
                    new TenantId("eval-" + runId + "-" + pair.path("id").asString());
            store.store(
                    tenant,
                    request(json, a),
                    RESPONSE,
                    new AnswerFacts(List.of("stop"), false),
                    Optional.of(new BigDecimal("0.001")),
                    false);
            CacheableRequest asked = request(json, b);
            LookupResult served = shipped.lookup(tenant, asked, LookupMode.ON);
            LookupResult probed = probe.lookup(tenant, asked, LookupMode.ON);
            double similarity = probed instanceof LookupResult.SemanticHit hit
                    ? hit.similarity()
                    : probed instanceof LookupResult.ExactHit ? 1.0 : 0.0;
            Verdict verdict = verifier.compare(a, b);
            outcomes.add(new PairOutcome(
                    pair.path("kind").asString(),
                    pair.path("same").asBoolean(),
                    !(served instanceof LookupResult.Miss),
                    similarity,
                    verdict.accepted(),
                    verdict.reason().map(r -> r.label())));
            index.removeTenant(tenant);
        }
        return outcomes;
    }

    private static CacheableRequest request(JsonMapper json, String prompt) {
        var body = json.createObjectNode();
        body.put("model", MODEL);
        body.putArray("messages").addObject().put("role", "user").put("content", prompt);
        return ChatRequestReader.read(body);
    }
}
