package io.aigw.cache.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.aigw.cache.domain.AnswerFacts;
import io.aigw.cache.domain.CacheableRequest;
import io.aigw.cache.domain.CachedAnswer;
import io.aigw.cache.domain.ExactKey;
import io.aigw.cache.domain.LookupResult;
import io.aigw.cache.domain.SemanticSettings;
import io.aigw.cache.domain.StorePolicy;
import io.aigw.cache.domain.TenantId;
import io.aigw.cache.domain.TtlPolicy;
import io.aigw.cache.domain.verify.SameQuestionVerifier;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code aigw.cache.semantic.enabled=false}: exact caching only, and nothing is ever embedded. */
class SemanticLayerOffTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final TenantId TENANT = new TenantId("acme");

    private final Map<ExactKey, CachedAnswer> exact = new HashMap<>();
    private final ExactAnswerStore store = new ExactAnswerStore() {
        @Override
        public Optional<CachedAnswer> find(ExactKey key) {
            return Optional.ofNullable(exact.get(key));
        }

        @Override
        public void save(ExactKey key, CachedAnswer answer, Duration ttl) {
            exact.put(key, answer);
        }

        @Override
        public long removeTenant(TenantId tenant) {
            return 0;
        }

        @Override
        public long removeModel(TenantId tenant, String model) {
            return 0;
        }

        @Override
        public long count(TenantId tenant) {
            return exact.size();
        }

        @Override
        public long countAll() {
            return exact.size();
        }
    };

    /** Fails the test if anything asks for an embedding. */
    private final TextEmbedder refusingEmbedder = new TextEmbedder() {
        @Override
        public float[] embed(String text) {
            throw new AssertionError("embedded although the semantic layer is off: " + text);
        }

        @Override
        public int dimensions() {
            return 0;
        }
    };

    private static CacheableRequest request(String prompt) {
        return new CacheableRequest("m", "{\"q\":\"" + prompt + "\"}", "{}", Optional.of(prompt), Optional.empty());
    }

    @Test
    void shouldStoreExactOnlyWithoutEmbeddingWhenTheSemanticLayerIsOff() {
        StoreAnswer storeAnswer = new StoreAnswer(
                store,
                new NoSemanticIndex(),
                refusingEmbedder,
                new StorePolicy(false, 1.0),
                new TtlPolicy(Duration.ofHours(1), Map.of()),
                CacheMetrics.NONE,
                CLOCK);

        StoreAnswer.Outcome outcome = storeAnswer.store(
                TENANT,
                request("How do I reverse a list?"),
                "{}",
                new AnswerFacts(List.of("stop"), false),
                Optional.of(BigDecimal.ONE),
                false);

        assertThat(outcome.stored()).containsExactly("exact");
    }

    @Test
    void shouldAnswerMissWithoutEmbeddingWhenNoExactEntryAndTheSemanticLayerIsOff() {
        LookupAnswer lookup = new LookupAnswer(
                store,
                new NoSemanticIndex(),
                refusingEmbedder,
                new SameQuestionVerifier(),
                new SemanticSettings(0.8, 3, true),
                CacheMetrics.NONE,
                CLOCK);

        LookupResult result = lookup.lookup(TENANT, request("How do I reverse a list?"), LookupMode.ON);

        assertThat(result).isInstanceOf(LookupResult.Miss.class);
    }
}
