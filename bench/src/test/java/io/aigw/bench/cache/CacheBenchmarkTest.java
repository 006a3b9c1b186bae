package io.aigw.bench.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aigw.bench.cache.application.SequentialTimer;
import io.aigw.bench.cache.domain.CacheLatencyReport;
import io.aigw.bench.cache.domain.Latency;
import io.aigw.bench.cache.domain.MachineLoad;
import io.aigw.bench.cache.domain.SemanticTimings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cache benchmark's pure parts: percentiles, load parsing, options, the report and its merges. */
class CacheBenchmarkTest {

    private static final String PLAN = "Limit  (cost=1..2 rows=3 width=35); ->  Sort  (cost=1..2 rows=200 width=35);"
            + " ->  Bitmap Heap Scan on cache_semantic_entry  (cost=1..2 rows=200 width=35);"
            + " ->  Bitmap Index Scan on cache_semantic_entry_scope  (cost=0..1 rows=1000 width=0);";

    @Test
    void shouldTakeNearestRankPercentiles() {
        long[] nanos = new long[100];
        for (int i = 0; i < 100; i++) {
            nanos[99 - i] = (i + 1) * 1_000_000L;
        }
        Latency latency = Latency.ofNanos(nanos);
        assertThat(latency.n()).isEqualTo(100);
        assertThat(latency.p50Millis()).isEqualTo(50.0);
        assertThat(latency.p99Millis()).isEqualTo(99.0);
        assertThat(latency.maxMillis()).isEqualTo(100.0);
        assertThat(latency.meanMillis()).isEqualTo(50.5);
        assertThat(Latency.ofNanos(new long[] {3_000_000}).p99Millis()).isEqualTo(3.0);
        assertThat(Latency.ofNanos(new long[0])).isEqualTo(Latency.NONE);
    }

    @Test
    void shouldSubtractTheTimedPartsPerLookup() {
        long[] rest = Latency.remainder(new long[] {10, 20}, new long[] {5, 5}, new long[] {1, 12});
        assertThat(rest).containsExactly(4, 3);
        assertThatThrownBy(() -> Latency.remainder(new long[] {1}, new long[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldParseLoadAverages() {
        MachineLoad load = MachineLoad.parse("1.52 0.61 0.70 1/234 5678\n");
        assertThat(load).isEqualTo(new MachineLoad(1.52, 0.61, 0.70));
        assertThat(load.toString()).isEqualTo("1.52, 0.61, 0.70");
        assertThat(MachineLoad.parse("")).isEqualTo(MachineLoad.UNKNOWN);
        assertThat(MachineLoad.parse("x y z")).isEqualTo(MachineLoad.UNKNOWN);
        assertThat(MachineLoad.UNKNOWN.known()).isFalse();
    }

    @Test
    void shouldTimeWarmUpUntimedAndCountResults() {
        SequentialTimer.Timed timed = SequentialTimer.run(3, 4, i -> i < 3 ? "warm" : i % 2 == 0 ? "a" : "b");
        assertThat(timed.nanos()).hasSize(4);
        assertThat(java.util.Arrays.stream(timed.nanos()).allMatch(n -> n >= 0)).isTrue();
        assertThat(timed.results()).containsOnly(Map.entry("a", 2), Map.entry("b", 2));
    }

    @Test
    void shouldParseOptionsWithDefaultsAndWriteNonDefaultRunsToTarget() {
        Map<String, String> env = Map.of("AIGW_TEST_POSTGRES_URL", "jdbc:postgresql://h/db?user=p");
        CacheBenchOptions defaults = CacheBenchOptions.parse(new String[] {"--root", "/r"}, env, Path.of(""));
        assertThat(defaults.entries()).isEqualTo(100_000);
        assertThat(defaults.scopes()).isEqualTo(50);
        assertThat(defaults.out()).isEqualTo(Path.of("/r/docs/benchmarks"));
        assertThat(defaults.commandLine()).isEqualTo("./aigw bench cache");
        assertThat(defaults.schemaUrl()).isEqualTo("jdbc:postgresql://h/db?user=p&currentSchema=cache_bench,public");
        assertThat(defaults.pairs()).isEqualTo(Path.of("/shared/evals/semantic-cache-dev.jsonl"));

        CacheBenchOptions quick = CacheBenchOptions.parse(
                new String[] {"--root", "/r", "--entries", "5000", "--load-wait", "30s"}, env, Path.of(""));
        assertThat(quick.out()).isEqualTo(Path.of("/r/bench/target/benchmarks"));
        assertThat(quick.loadWait()).isEqualTo(Duration.ofSeconds(30));
        assertThat(quick.commandLine()).isEqualTo("./aigw bench cache --entries 5000 --load-wait 30s");

        assertThatThrownBy(() -> CacheBenchOptions.parse(new String[0], Map.of(), Path.of("")))
                .hasMessageContaining("no PostgreSQL");
        assertThatThrownBy(() -> CacheBenchOptions.parse(new String[] {"--schema", "x; drop"}, env, Path.of("")))
                .hasMessageContaining("--schema");
    }

    @Test
    void shouldRenderTheLatencySectionWithVerdicts() {
        CacheLatencyReport report = report();
        String section = report.markdownSection();
        assertThat(section).startsWith("## Latency\n");
        assertThat(section).contains("| exact hit, HTTP |", "| p99 ≤ 2 ms | met |");
        assertThat(section).contains("| p99 ≤ 20 ms | missed by 5.00 ms (25 %) |");
        assertThat(section).contains("100,000 entries in pgvector in 50 scopes of 2,000");
        assertThat(section).contains("uses: `cache_semantic_entry_scope`");
        assertThat(section).contains("load average (1, 5, 15 min) 1.50, 1.00, 0.50");
        assertThat(section).contains("took 300 s after waiting 60 s", "did not use the HNSW index");
        assertThat(CacheLatencyReport.indexesUsed("Seq Scan on t")).isEqualTo("none (sequential scan)");
        assertThat(CacheLatencyReport.indexesUsed(
                        "Index Scan using cache_semantic_entry_embedding_hnsw on cache_semantic_entry"))
                .isEqualTo("`cache_semantic_entry_embedding_hnsw`");
    }

    @Test
    void shouldReplaceOnlyTheLatencySection() {
        String before = "# Eval\n\nintro\n\n## At the defaults\n\n| a |\n";
        String once = CacheLatencyReport.withSection(before, "## Latency\n\nfirst\n");
        assertThat(once).isEqualTo(before + "\n## Latency\n\nfirst\n");
        String twice = CacheLatencyReport.withSection(once, "## Latency\n\nsecond\n");
        assertThat(twice).isEqualTo(before + "\n## Latency\n\nsecond\n");
        String middle = CacheLatencyReport.withSection(
                "# E\n\n## Latency\n\nold\n### sub\n\nold too\n\n## Later\n\nkept\n", "## Latency\n\nnew\n");
        assertThat(middle).isEqualTo("# E\n\n## Latency\n\nnew\n\n## Later\n\nkept\n");
    }

    @Test
    void shouldAddKeysAndKeepTheExistingOnesAsWritten() {
        String existing = "{\n  \"benchmark\": \"semantic-cache\",\n  \"recall\": 0.6200,\n  \"hits\": 93\n}\n";
        Map<String, Object> keys = new LinkedHashMap<>();
        keys.put("hits", 93);
        keys.put("exact_lookup_p99_ms", 1.234);
        String merged = CacheLatencyReport.withKeys(existing, keys);
        assertThat(merged)
                .isEqualTo("{\n  \"benchmark\": \"semantic-cache\",\n  \"recall\": 0.6200,\n  \"hits\": 93,\n"
                        + "  \"exact_lookup_p99_ms\": 1.234\n}\n");
        assertThat(report().jsonKeys())
                .containsEntry("exact_lookup_p50_ms", 1.0)
                .containsEntry("semantic_lookup_p99_ms", 25.0)
                .containsEntry("semantic_entries", 100_000L)
                .containsKeys("semantic_embedding_p50_ms", "semantic_index_p99_ms", "semantic_verifier_rest_p50_ms");
    }

    private static CacheLatencyReport report() {
        long[] total = {10_000_000, 25_000_000};
        long[] embedding = {6_000_000, 10_000_000};
        long[] index = {3_000_000, 14_000_000};
        SemanticTimings semantic = new SemanticTimings(
                100_000,
                50,
                2_000,
                300,
                30,
                60,
                100,
                PLAN,
                Map.of("miss", 1, "hit-semantic", 1),
                total,
                embedding,
                index);
        return new CacheLatencyReport(
                "2026-12-01T10:00:00Z",
                "./aigw bench cache",
                "2 cores",
                new MachineLoad(1.5, 1.0, 0.5),
                new MachineLoad(1.2, 1.0, 0.5),
                1000,
                Latency.ofNanos(new long[] {1_000_000, 1_500_000}),
                Latency.ofNanos(new long[] {100_000, 200_000}),
                Map.of("hit-exact", 2),
                semantic,
                Latency.ofNanos(new long[] {15_000_000, 30_000_000}),
                Map.of("miss", 2),
                Duration.ofSeconds(60),
                Duration.ofSeconds(300));
    }
}
