package io.aigw.cache.eval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The evaluation rewrites cache.md and cache.json but keeps what the latency benchmark added to them. */
class SemanticCacheEvaluationTest {

    @Test
    void shouldKeepTheLatencySection() {
        String old = "# Semantic cache evaluation\n\nold figures\n\n## Latency\n\n| path |\n";
        assertThat(SemanticCacheEvaluation.keepLatencySection("# Semantic cache evaluation\n\nnew figures\n", old))
                .isEqualTo("# Semantic cache evaluation\n\nnew figures\n\n## Latency\n\n| path |\n");
        assertThat(SemanticCacheEvaluation.keepLatencySection("fresh\n", "no latency here\n"))
                .isEqualTo("fresh\n");
    }

    @Test
    void shouldKeepKeysTheEvaluationDoesNotWrite() {
        String fresh = "{\n  \"benchmark\": \"semantic-cache\",\n  \"recall\": 0.6300\n}\n";
        String old = "{\n  \"benchmark\": \"semantic-cache\",\n  \"recall\": 0.6200,\n"
                + "  \"exact_lookup_p99_ms\": 1.234\n}\n";
        assertThat(SemanticCacheEvaluation.keepOtherKeys(fresh, old))
                .isEqualTo("{\n  \"benchmark\": \"semantic-cache\",\n  \"recall\": 0.6300,\n"
                        + "  \"exact_lookup_p99_ms\": 1.234\n}\n");
        assertThat(SemanticCacheEvaluation.keepOtherKeys(fresh, "")).isEqualTo(fresh);
    }
}
