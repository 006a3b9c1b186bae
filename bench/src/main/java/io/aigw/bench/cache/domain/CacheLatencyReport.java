package io.aigw.bench.cache.domain;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The cache latency benchmark's results and their two renderings: the {@code ## Latency} section of
 * {@code docs/benchmarks/cache.md} (the rest of that file is the accuracy evaluation's and is kept)
 * and keys added to {@code cache.json} (existing keys kept).
 *
 * @param date ISO instant of the run
 * @param command the command line
 * @param machine cores, Java, OS
 * @param loadBefore load averages when the measurements started
 * @param loadAfter load averages when they ended
 * @param exactEntries entries stored for the exact path
 * @param exactHttp {@code POST /internal/cache/lookup} exact hits, round trip from the client (what an
 *     exact hit costs routing with {@code aigw.routing.cache.exact-from-redis=false})
 * @param routingRead the same hits read as routing reads them by default: key, Redis {@code GET},
 *     decode, parse
 * @param exactResults the exact lookups' results by label
 * @param semantic the in-process semantic timings
 * @param semanticHttp {@code POST /internal/cache/lookup} of the same prompts over HTTP (Redis miss, then semantic)
 * @param semanticHttpResults those lookups' results by label
 * @param waited how long the run waited for the load average to drop first
 * @param took the run after that wait
 */
public record CacheLatencyReport(
        String date,
        String command,
        String machine,
        MachineLoad loadBefore,
        MachineLoad loadAfter,
        int exactEntries,
        Latency exactHttp,
        Latency routingRead,
        Map<String, Integer> exactResults,
        SemanticTimings semantic,
        Latency semanticHttp,
        Map<String, Integer> semanticHttpResults,
        Duration waited,
        Duration took) {

    public static final double EXACT_TARGET_P99_MS = 2.0;
    public static final double SEMANTIC_TARGET_P99_MS = 20.0;

    private static final Pattern SECTION = Pattern.compile("(?s)\\n## Latency\\n.*?(?=\\n## (?!#)|\\z)");

    public Latency semanticTotal() {
        return Latency.ofNanos(semantic.total());
    }

    public Latency embedding() {
        return Latency.ofNanos(semantic.embedding());
    }

    public Latency index() {
        return Latency.ofNanos(semantic.index());
    }

    public Latency rest() {
        return Latency.ofNanos(semantic.rest());
    }

    /** The {@code ## Latency} section, starting with its heading and ending with a newline. */
    public String markdownSection() {
        StringBuilder md = new StringBuilder();
        Latency semanticTotal = semanticTotal();
        md.append("## Latency\n\n");
        md.append("Sequential lookups (one at a time) after a warm-up, on loopback; p50/p99 are nearest-rank.\n\n");
        md.append("- command: `").append(command).append("`\n");
        md.append("- date: ")
                .append(date)
                .append(", machine: ")
                .append(machine)
                .append(", load average (1, 5, 15 min) ")
                .append(loadBefore)
                .append(" at the start, ")
                .append(loadAfter)
                .append(" at the end; took ")
                .append(took.toSeconds())
                .append(" s after waiting ")
                .append(waited.toSeconds())
                .append(" s for the load average to drop\n");
        md.append(String.format(
                Locale.ROOT,
                "- exact: %d entries stored through `POST /internal/cache/store` (one tenant), %d lookups of them;"
                        + " results %s\n",
                exactEntries,
                exactHttp.n(),
                exactResults));
        md.append(String.format(
                Locale.ROOT,
                "- semantic: %,d entries in pgvector in %d scopes of %,d (the measured tenant owns every fifth scope,"
                        + " the others belong to nine other tenants); the measured scope holds %,d, of them %d real"
                        + " entries (the dev set's `a` prompts, embedded with all-MiniLM-L6-v2 and stored through"
                        + " `StoreAnswer`) and the rest random unit vectors generated in SQL (embedding 100,000 texts"
                        + " would take ~15 min here); HNSW (`vector_cosine_ops`, m 16, ef_construction 64) built after"
                        + " the fill in %.0f s with `maintenance_work_mem = 1GB`; %d lookups of the paired `b` prompts"
                        + " (cycled); results %s\n",
                semantic.entries(),
                semantic.scopes(),
                semantic.scopes() == 0 ? 0 : semantic.entries() / semantic.scopes(),
                semantic.measuredScopeEntries(),
                semantic.realEntries(),
                semantic.hnswBuildSeconds(),
                semanticTotal.n(),
                semantic.results()));
        md.append("- settings: the service's defaults — threshold 0.75, 3 candidates verified, `hnsw.ef_search = ")
                .append(semantic.efSearch())
                .append("`, `hnsw.iterative_scan = relaxed_order`\n");
        md.append("- indexes PostgreSQL's plan for the lookup query uses: ")
                .append(indexesUsed(semantic.plan()))
                .append(" (plan below)\n\n");
        md.append("| path | what is timed | n | p50 ms | p99 ms | mean ms | target | verdict |\n");
        md.append("|---|---|---|---|---|---|---|---|\n");
        row(
                md,
                "exact hit, routing",
                "routing's own read (the default): `ExactCacheKey` from the parsed request, Redis `GET` (Lettuce),"
                        + " `ExactEntry.decode`, answer parsed",
                routingRead,
                "p99 ≤ 2 ms",
                verdict(routingRead, EXACT_TARGET_P99_MS));
        row(
                md,
                "exact hit, HTTP",
                "`POST /internal/cache/lookup` round trip (JDK HttpClient, keep-alive): the cost with"
                        + " `exact-from-redis=false`",
                exactHttp,
                "",
                "");
        row(
                md,
                "semantic, in process",
                "`LookupAnswer.lookup`: exact probe, embedding, index, verifier",
                semanticTotal,
                "p99 ≤ 20 ms",
                verdict(semanticTotal, SEMANTIC_TARGET_P99_MS));
        row(md, "↳ embedding", "`MiniLmTextEmbedder.embed` of the asked prompt", embedding(), "", "");
        row(
                md,
                "↳ index",
                "`PgvectorSemanticIndex.nearest` (pool, `SET LOCAL`, scoped query, commit)",
                index(),
                "",
                "");
        row(
                md,
                "↳ verifier and rest",
                "lookup minus embedding and index: threshold, verifier on ≤ 3 candidates," + " scope hash",
                rest(),
                "",
                "");
        row(
                md,
                "semantic, HTTP",
                "`POST /internal/cache/lookup` of the same prompts (Redis miss, then semantic)",
                semanticHttp,
                "",
                "");
        md.append("\n");
        md.append(String.format(
                Locale.ROOT,
                "What the exact-hit path adds to a request is routing's own read of the entry: %.2f ms p50,"
                        + " %.2f ms p99 (routing reads the exact layer straight from Redis, in the format cache-service"
                        + " writes, module `cache-format`). Asking cache-service over HTTP instead costs %.2f ms p50 /"
                        + " %.2f ms p99: the extra %.2f ms at the median is the HTTP hop, WebFlux, a JSON parse and"
                        + " a render on each side.\n",
                routingRead.p50Millis(),
                routingRead.p99Millis(),
                exactHttp.p50Millis(),
                exactHttp.p99Millis(),
                exactHttp.p50Millis() - routingRead.p50Millis()));
        md.append("\n")
                .append("The machine is shared (2 cores, other sessions' builds and tests): the medians are stable"
                        + " from run to run, the p99s follow the load — compare the load averages above.");
        if (!indexesUsed(semantic.plan()).contains("hnsw")) {
            md.append(String.format(
                    Locale.ROOT,
                    " PostgreSQL did not use the HNSW index for the lookup: with %,d rows in the scope the planner"
                            + " prefers the scope's B-tree and an exact distance sort of those rows (so the results"
                            + " are exact, not approximate); the HNSW index is built and kept up to date but serves"
                            + " only plans that choose it.",
                    semantic.measuredScopeEntries()));
        }
        md.append("\n");
        md.append("\nThe plan of the lookup query (`EXPLAIN`, with the lookup's `SET LOCAL`s):\n\n```\n")
                .append(semantic.plan().replace("; ", "\n").strip())
                .append("\n```\n");
        return md.toString();
    }

    private static final Pattern INDEX_USED = Pattern.compile("Index (?:Only )?Scan (?:on|using) (\\w+)");

    /** The index names a one-line {@code EXPLAIN} mentions, back-quoted, or "none (sequential scan)". */
    public static String indexesUsed(String plan) {
        Matcher matcher = INDEX_USED.matcher(plan);
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        while (matcher.find()) {
            names.add("`" + matcher.group(1) + "`");
        }
        return names.isEmpty() ? "none (sequential scan)" : String.join(", ", names);
    }

    private static void row(StringBuilder md, String path, String what, Latency l, String target, String verdict) {
        md.append(String.format(
                Locale.ROOT,
                "| %s | %s | %d | %.2f | %.2f | %.2f | %s | %s |%n",
                path,
                what,
                l.n(),
                l.p50Millis(),
                l.p99Millis(),
                l.meanMillis(),
                target,
                verdict));
    }

    public static String verdict(Latency latency, double targetP99Millis) {
        if (latency.n() == 0) {
            return "not measured";
        }
        double over = latency.p99Millis() - targetP99Millis;
        return over <= 0
                ? "met"
                : String.format(Locale.ROOT, "missed by %.2f ms (%.0f %%)", over, 100 * over / targetP99Millis);
    }

    /** {@code existing} with its {@code ## Latency} section replaced by {@code section}, or appended. */
    public static String withSection(String existing, String section) {
        String body = section.endsWith("\n") ? section : section + "\n";
        Matcher matcher = SECTION.matcher(existing);
        if (matcher.find()) {
            String rest = existing.substring(matcher.end());
            return existing.substring(0, matcher.start()) + "\n" + body + (rest.isEmpty() ? "" : rest);
        }
        String base = existing.endsWith("\n") ? existing : existing + "\n";
        return base + "\n" + body;
    }

    /** The keys this benchmark adds to {@code cache.json}. */
    public Map<String, Object> jsonKeys() {
        Map<String, Object> keys = new LinkedHashMap<>();
        Latency semanticTotal = semanticTotal();
        keys.put("latency_date", date);
        keys.put("latency_load_average_1m", loadBefore.one());
        keys.put("exact_entries", exactEntries);
        keys.put("exact_lookups", exactHttp.n());
        keys.put("exact_lookup_p50_ms", round(exactHttp.p50Millis()));
        keys.put("exact_lookup_p99_ms", round(exactHttp.p99Millis()));
        keys.put("exact_routing_read_p50_ms", round(routingRead.p50Millis()));
        keys.put("exact_routing_read_p99_ms", round(routingRead.p99Millis()));
        keys.put("semantic_entries", semantic.entries());
        keys.put("semantic_scopes", semantic.scopes());
        keys.put("semantic_scope_entries", semantic.measuredScopeEntries());
        keys.put("semantic_real_entries", semantic.realEntries());
        keys.put("semantic_ef_search", semantic.efSearch());
        keys.put("semantic_lookups", semanticTotal.n());
        keys.put("semantic_lookup_p50_ms", round(semanticTotal.p50Millis()));
        keys.put("semantic_lookup_p99_ms", round(semanticTotal.p99Millis()));
        keys.put("semantic_embedding_p50_ms", round(embedding().p50Millis()));
        keys.put("semantic_embedding_p99_ms", round(embedding().p99Millis()));
        keys.put("semantic_index_p50_ms", round(index().p50Millis()));
        keys.put("semantic_index_p99_ms", round(index().p99Millis()));
        keys.put("semantic_verifier_rest_p50_ms", round(rest().p50Millis()));
        keys.put("semantic_verifier_rest_p99_ms", round(rest().p99Millis()));
        keys.put("semantic_http_lookup_p50_ms", round(semanticHttp.p50Millis()));
        keys.put("semantic_http_lookup_p99_ms", round(semanticHttp.p99Millis()));
        return keys;
    }

    private static double round(double millis) {
        return Math.round(millis * 1000) / 1000.0;
    }

    /**
     * {@code existing} (a flat JSON object, like cache.json) with {@code keys} set, in its key order
     * (new keys last), two-space indented, one key per line.
     */
    public static String withKeys(String existing, Map<String, Object> keys) {
        // big decimals: an existing 0.6200 stays 0.6200
        JsonMapper json = JsonMapper.builder()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .build();
        ObjectNode merged =
                existing == null || existing.isBlank() ? json.createObjectNode() : (ObjectNode) json.readTree(existing);
        keys.forEach((name, value) -> merged.set(name, json.valueToTree(value)));
        StringBuilder out = new StringBuilder("{\n");
        var properties = merged.properties().iterator();
        while (properties.hasNext()) {
            Map.Entry<String, JsonNode> property = properties.next();
            out.append("  ")
                    .append(json.writeValueAsString(property.getKey()))
                    .append(": ")
                    .append(json.writeValueAsString(property.getValue()))
                    .append(properties.hasNext() ? ",\n" : "\n");
        }
        return out.append("}\n").toString();
    }
}
