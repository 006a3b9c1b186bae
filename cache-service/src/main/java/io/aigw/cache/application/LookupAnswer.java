package io.aigw.cache.application;

import io.aigw.cache.domain.CacheKeys;
import io.aigw.cache.domain.CacheableRequest;
import io.aigw.cache.domain.CachedAnswer;
import io.aigw.cache.domain.LookupResult;
import io.aigw.cache.domain.SemanticCandidate;
import io.aigw.cache.domain.SemanticSettings;
import io.aigw.cache.domain.TenantId;
import io.aigw.cache.domain.verify.SameQuestionVerifier;
import io.aigw.cache.domain.verify.Verdict;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks a request up: exact first, then the semantic index within the request's scope, serving a
 * semantic candidate only above the threshold and only when the verifier agrees it asks the same.
 *
 * <p>Fails open: a cache that is down must cost latency at worst, never an error, so every backend
 * failure becomes a miss with a log line and a metric.
 */
public final class LookupAnswer {

    private static final Logger log = LoggerFactory.getLogger(LookupAnswer.class);

    private final ExactAnswerStore exact;
    private final SemanticIndex index;
    private final TextEmbedder embedder;
    private final SameQuestionVerifier verifier;
    private final SemanticSettings settings;
    private final CacheMetrics metrics;
    private final Clock clock;

    public LookupAnswer(
            ExactAnswerStore exact,
            SemanticIndex index,
            TextEmbedder embedder,
            SameQuestionVerifier verifier,
            SemanticSettings settings,
            CacheMetrics metrics,
            Clock clock) {
        this.exact = exact;
        this.index = index;
        this.embedder = embedder;
        this.verifier = verifier;
        this.settings = settings;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Whether this cache has a semantic layer; routing stops asking for it while it has none. */
    public boolean semanticEnabled() {
        return index.enabled();
    }

    public LookupResult lookup(TenantId tenant, CacheableRequest request, LookupMode mode) {
        long started = System.nanoTime();
        Optional<LookupResult> exactHit =
                mode == LookupMode.SEMANTIC_ONLY ? Optional.empty() : exactHit(tenant, request);
        LookupResult result = exactHit.orElseGet(() ->
                mode == LookupMode.EXACT_ONLY || !index.enabled() ? LookupResult.Miss.NONE : semantic(tenant, request));
        metrics.lookup(result.label(), Duration.ofNanos(System.nanoTime() - started));
        savedBy(result).flatMap(CachedAnswer::costUsd).ifPresent(metrics::saved);
        return result;
    }

    private Optional<LookupResult> exactHit(TenantId tenant, CacheableRequest request) {
        try {
            return exact.find(CacheKeys.exact(tenant, request)).map(LookupResult.ExactHit::new);
        } catch (RuntimeException e) {
            log.warn("exact cache lookup failed, answering miss (fail open): {}", e.toString());
            metrics.backendError("redis", "lookup");
            return Optional.empty();
        }
    }

    private LookupResult semantic(TenantId tenant, CacheableRequest request) {
        if (request.lastUserText().isEmpty()) {
            return LookupResult.Miss.NONE;
        }
        String asked = request.lastUserText().get();
        List<SemanticCandidate> candidates;
        try {
            float[] embedding = embedder.embed(asked);
            candidates = index.nearest(
                    tenant,
                    CacheKeys.semanticScope(tenant, request),
                    embedding,
                    settings.candidates(),
                    clock.instant());
        } catch (RuntimeException e) {
            log.warn("semantic lookup ({}) failed, answering miss (fail open): {}", index.kind(), e.toString());
            metrics.backendError("semantic_index", "lookup");
            return LookupResult.Miss.NONE;
        }
        for (SemanticCandidate candidate : candidates) {
            if (candidate.similarity() < settings.threshold()) {
                metrics.candidate("below_threshold", candidate.similarity());
                break;
            }
            Verdict verdict = settings.verify() ? verifier.compare(candidate.prompt(), asked) : Verdict.same();
            if (verdict.accepted()) {
                metrics.candidate("served", candidate.similarity());
                return new LookupResult.SemanticHit(candidate.answer(), candidate.similarity());
            }
            metrics.candidate("rejected", candidate.similarity());
            metrics.rejection(verdict.reason().orElseThrow());
            log.debug("semantic candidate rejected ({}: {})", verdict.reason().get(), verdict.detail());
        }
        return candidates.isEmpty()
                ? LookupResult.Miss.NONE
                : new LookupResult.Miss(Optional.of(candidates.get(0).similarity()));
    }

    private static Optional<CachedAnswer> savedBy(LookupResult result) {
        if (result instanceof LookupResult.ExactHit hit) {
            return Optional.of(hit.answer());
        }
        if (result instanceof LookupResult.SemanticHit hit) {
            return Optional.of(hit.answer());
        }
        return Optional.empty();
    }
}
