package io.aigw.bench.cache.domain;

import java.util.Map;

/**
 * What the in-process semantic harness ({@code io.aigw.cache.eval.SemanticLookupLatency}) measured.
 *
 * @param entries rows in the table
 * @param scopes scopes they are spread over
 * @param measuredScopeEntries rows in the scope the lookups search
 * @param realEntries of those, the dev set's {@code a} prompts embedded for real
 * @param fillSeconds how long the fill took
 * @param hnswBuildSeconds how long {@code CREATE INDEX … USING hnsw} took
 * @param efSearch {@code hnsw.ef_search} of every lookup
 * @param plan the plan PostgreSQL chose for the lookup query
 * @param results lookups by result label
 * @param total per lookup, the whole {@code LookupAnswer.lookup}
 * @param embedding per lookup, the embedding
 * @param index per lookup, {@code PgvectorSemanticIndex.nearest} (pool, SET LOCAL, query, commit)
 */
public record SemanticTimings(
        long entries,
        int scopes,
        long measuredScopeEntries,
        int realEntries,
        double fillSeconds,
        double hnswBuildSeconds,
        int efSearch,
        String plan,
        Map<String, Integer> results,
        long[] total,
        long[] embedding,
        long[] index) {

    /** Threshold, verifier, scope hash and the (in-memory) exact probe: total minus embedding and index. */
    public long[] rest() {
        return Latency.remainder(total, embedding, index);
    }
}
