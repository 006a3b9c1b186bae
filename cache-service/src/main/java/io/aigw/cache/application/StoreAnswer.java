package io.aigw.cache.application;

import io.aigw.cache.domain.AnswerFacts;
import io.aigw.cache.domain.CacheKeys;
import io.aigw.cache.domain.CacheableRequest;
import io.aigw.cache.domain.CachedAnswer;
import io.aigw.cache.domain.SemanticEntry;
import io.aigw.cache.domain.StorePolicy;
import io.aigw.cache.domain.TenantId;
import io.aigw.cache.domain.TtlPolicy;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores a cacheable answer in the exact store and, when the last user message is plain text, in
 * the semantic index. A failing layer is logged and counted; the other layer still stores.
 */
public final class StoreAnswer {

    private static final Logger log = LoggerFactory.getLogger(StoreAnswer.class);

    /**
     * @param stored the layers that took the answer ({@code exact}, {@code semantic})
     * @param refusal why the answer was not cacheable, if it was not
     */
    public record Outcome(List<String> stored, Optional<String> refusal) {}

    private final ExactAnswerStore exact;
    private final SemanticIndex index;
    private final TextEmbedder embedder;
    private final StorePolicy policy;
    private final TtlPolicy ttls;
    private final CacheMetrics metrics;
    private final Clock clock;

    public StoreAnswer(
            ExactAnswerStore exact,
            SemanticIndex index,
            TextEmbedder embedder,
            StorePolicy policy,
            TtlPolicy ttls,
            CacheMetrics metrics,
            Clock clock) {
        this.exact = exact;
        this.index = index;
        this.embedder = embedder;
        this.policy = policy;
        this.ttls = ttls;
        this.metrics = metrics;
        this.clock = clock;
    }

    public Outcome store(
            TenantId tenant,
            CacheableRequest request,
            String responseJson,
            AnswerFacts facts,
            Optional<BigDecimal> costUsd,
            boolean highTemperatureOptIn) {
        Optional<String> refusal = policy.refusal(request, facts, highTemperatureOptIn);
        if (refusal.isPresent()) {
            metrics.store(refusal.get());
            return new Outcome(List.of(), refusal);
        }
        Instant now = clock.instant();
        Duration ttl = ttls.ttlFor(tenant);
        CachedAnswer answer = new CachedAnswer(responseJson, costUsd, now);
        List<String> stored = new ArrayList<>();
        try {
            exact.save(CacheKeys.exact(tenant, request), answer, ttl);
            stored.add("exact");
        } catch (RuntimeException e) {
            log.warn("exact cache store failed: {}", e.toString());
            metrics.backendError("redis", "store");
        }
        if (index.enabled() && request.lastUserText().isPresent()) {
            String prompt = request.lastUserText().get();
            try {
                float[] embedding = embedder.embed(prompt);
                String scope = CacheKeys.semanticScope(tenant, request);
                index.add(new SemanticEntry(tenant, request.model(), scope, prompt, embedding, answer, now.plus(ttl)));
                stored.add("semantic");
            } catch (RuntimeException e) {
                log.warn("semantic index ({}) store failed: {}", index.kind(), e.toString());
                metrics.backendError("semantic_index", "store");
            }
        }
        stored.forEach(metrics::store);
        return new Outcome(List.copyOf(stored), stored.isEmpty() ? Optional.of("backend_error") : Optional.empty());
    }
}
