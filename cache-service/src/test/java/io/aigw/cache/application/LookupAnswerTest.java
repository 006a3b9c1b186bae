package io.aigw.cache.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.aigw.cache.adapter.out.memory.InMemorySemanticIndex;
import io.aigw.cache.domain.CacheableRequest;
import io.aigw.cache.domain.CachedAnswer;
import io.aigw.cache.domain.ExactKey;
import io.aigw.cache.domain.LookupResult;
import io.aigw.cache.domain.SemanticSettings;
import io.aigw.cache.domain.TenantId;
import io.aigw.cache.domain.verify.RejectionReason;
import io.aigw.cache.domain.verify.SameQuestionVerifier;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LookupAnswerTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final TenantId TENANT = new TenantId("acme");

    private final List<String> events = new ArrayList<>();
    private final CacheMetrics metrics = new CacheMetrics() {
        @Override
        public void lookup(String result, Duration latency) {
            events.add("lookup:" + result);
        }

        @Override
        public void candidate(String outcome, double similarity) {
            events.add("candidate:" + outcome);
        }

        @Override
        public void rejection(RejectionReason reason) {
            events.add("rejection:" + reason.label());
        }

        @Override
        public void backendError(String backend, String operation) {
            events.add("error:" + backend + ":" + operation);
        }

        @Override
        public void saved(BigDecimal usd) {
            events.add("saved:" + usd);
        }

        @Override
        public void store(String outcome) {}
    };

    /** Embeds by a fixed table, so similarity is under the test's control. */
    private final TextEmbedder embedder = new TextEmbedder() {
        @Override
        public float[] embed(String text) {
            return text.contains("JavaScript") ? new float[] {0.9f, 0.436f} : new float[] {1, 0};
        }

        @Override
        public int dimensions() {
            return 2;
        }
    };

    private static CacheableRequest request(String prompt) {
        return new CacheableRequest("m", "{\"q\":\"" + prompt + "\"}", "{}", Optional.of(prompt), Optional.empty());
    }

    private LookupAnswer lookup(ExactAnswerStore exact, SemanticIndex index) {
        return new LookupAnswer(
                exact, index, embedder, new SameQuestionVerifier(), new SemanticSettings(0.8, 3, true), metrics, CLOCK);
    }

    @Test
    void shouldAnswerMissAndCountTheErrorWhenRedisFails() {
        ExactAnswerStore broken = new FailingExactStore();

        LookupResult result = lookup(broken, new InMemorySemanticIndex(10)).lookup(TENANT, request("q"), LookupMode.ON);

        assertThat(result).isInstanceOf(LookupResult.Miss.class);
        assertThat(events).contains("error:redis:lookup", "lookup:miss");
    }

    @Test
    void shouldServeAVerifiedCandidateAndCountTheSaving() {
        InMemorySemanticIndex index = new InMemorySemanticIndex(10);
        StoreAnswerFixture.store(index, embedder, TENANT, request("How do I reverse a list in Python?"), CLOCK);

        LookupResult result = lookup(new FailingExactStore(), index)
                .lookup(TENANT, request("how do i reverse a list in python"), LookupMode.ON);

        assertThat(result).isInstanceOf(LookupResult.SemanticHit.class);
        assertThat(events).contains("candidate:served", "lookup:hit-semantic", "saved:0.01");
    }

    @Test
    void shouldRejectANearMissAboveTheThresholdAndCountTheReason() {
        InMemorySemanticIndex index = new InMemorySemanticIndex(10);
        StoreAnswerFixture.store(index, embedder, TENANT, request("How do I reverse a list in Python?"), CLOCK);

        LookupResult result = lookup(new FailingExactStore(), index)
                .lookup(TENANT, request("How do I reverse a list in JavaScript?"), LookupMode.ON);

        assertThat(result).isInstanceOf(LookupResult.Miss.class);
        assertThat(events).contains("candidate:rejected", "rejection:entity", "lookup:miss");
    }

    @Test
    void shouldSkipTheSemanticLayerWhenExactOnlyIsAsked() {
        InMemorySemanticIndex index = new InMemorySemanticIndex(10);
        StoreAnswerFixture.store(index, embedder, TENANT, request("How do I reverse a list in Python?"), CLOCK);

        LookupResult result = lookup(new FailingExactStore(), index)
                .lookup(TENANT, request("how do i reverse a list in python"), LookupMode.EXACT_ONLY);

        assertThat(result).isInstanceOf(LookupResult.Miss.class);
        assertThat(events).doesNotContain("candidate:served");
    }

    private static final class FailingExactStore implements ExactAnswerStore {
        @Override
        public Optional<CachedAnswer> find(ExactKey key) {
            throw new IllegalStateException("connection refused");
        }

        @Override
        public void save(ExactKey key, CachedAnswer answer, Duration ttl) {
            throw new IllegalStateException("connection refused");
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
            return 0;
        }

        @Override
        public long countAll() {
            return 0;
        }
    }
}
