package io.aigw.cache.adapter.out.micrometer;

import io.aigw.cache.application.CacheMetrics;
import io.aigw.cache.domain.verify.RejectionReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * The {@code aigw_cache_*} metrics. Labels are bounded: results, outcomes, reasons, backends and
 * operations are fixed sets; no tenant, prompt or key is ever a label.
 */
public final class MicrometerCacheMetrics implements CacheMetrics {

    private final MeterRegistry registry;
    private final Counter savedUsd;

    public MicrometerCacheMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.savedUsd = Counter.builder("aigw_cache_saved_usd")
                .description("Cost in USD of the answers served from the cache instead of a provider")
                .register(registry);
    }

    @Override
    public void lookup(String result, Duration latency) {
        Counter.builder("aigw_cache_lookups")
                .description("Cache lookups by result")
                .tag("result", result)
                .register(registry)
                .increment();
        Timer.builder("aigw_cache_lookup_duration")
                .description("Lookup latency, embedding and index search included")
                .tag("result", result)
                .publishPercentileHistogram()
                .register(registry)
                .record(latency);
    }

    @Override
    public void candidate(String outcome, double similarity) {
        DistributionSummary.builder("aigw_cache_semantic_similarity")
                .description("Cosine similarity of semantic candidates: served, rejected by the verifier, or below"
                        + " the threshold")
                .tag("outcome", outcome)
                .serviceLevelObjectives(0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 0.98, 1.0)
                .register(registry)
                .record(similarity);
    }

    @Override
    public void rejection(RejectionReason reason) {
        Counter.builder("aigw_cache_verifier_rejections")
                .description("Semantic candidates the same-question check rejected, by reason")
                .tag("reason", reason.label())
                .register(registry)
                .increment();
    }

    @Override
    public void backendError(String backend, String operation) {
        Counter.builder("aigw_cache_backend_errors")
                .description("Backend failures; lookups answer miss when one happens (fail open)")
                .tag("backend", backend)
                .tag("operation", operation)
                .register(registry)
                .increment();
    }

    @Override
    public void saved(BigDecimal usd) {
        savedUsd.increment(usd.doubleValue());
    }

    @Override
    public void store(String outcome) {
        Counter.builder("aigw_cache_stores")
                .description("Store calls by outcome: a layer that stored, or why the answer was not cacheable")
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }
}
