package io.aigw.cache.config;

import io.aigw.cache.adapter.out.pgvector.PgvectorSemanticIndex;
import io.aigw.cache.application.CacheMetrics;
import io.aigw.cache.application.ExactAnswerStore;
import io.aigw.cache.application.SemanticIndex;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Keeps the {@code aigw_cache_entries} gauge current by recounting on a schedule (a scrape must not
 * scan Redis) and deletes expired pgvector rows. Both are best effort: a failure is counted and the
 * gauge keeps its last value.
 */
class EntryMaintenance {

    private static final Logger log = LoggerFactory.getLogger(EntryMaintenance.class);

    private final ExactAnswerStore exact;
    private final SemanticIndex index;
    private final CacheMetrics metrics;
    private final Clock clock;
    private final AtomicLong exactEntries = new AtomicLong();
    private final AtomicLong semanticEntries = new AtomicLong();

    EntryMaintenance(
            ExactAnswerStore exact, SemanticIndex index, MeterRegistry registry, CacheMetrics metrics, Clock clock) {
        this.exact = exact;
        this.index = index;
        this.metrics = metrics;
        this.clock = clock;
        Gauge.builder("aigw_cache_entries", exactEntries, AtomicLong::get)
                .description("Entries in the cache, all tenants, recounted every aigw.cache.entries-refresh")
                .tag("layer", "exact")
                .register(registry);
        Gauge.builder("aigw_cache_entries", semanticEntries, AtomicLong::get)
                .description("Entries in the cache, all tenants, recounted every aigw.cache.entries-refresh")
                .tag("layer", "semantic")
                .register(registry);
    }

    @Scheduled(fixedDelayString = "${aigw.cache.entries-refresh:60s}", initialDelayString = "5s")
    void recount() {
        try {
            exactEntries.set(exact.countAll());
        } catch (RuntimeException e) {
            log.debug("recounting exact entries failed: {}", e.toString());
            metrics.backendError("redis", "count");
        }
        try {
            semanticEntries.set(index.countAll());
        } catch (RuntimeException e) {
            log.debug("recounting semantic entries failed: {}", e.toString());
            metrics.backendError("semantic_index", "count");
        }
    }

    @Scheduled(fixedDelayString = "${aigw.cache.semantic.postgres.purge-interval:10m}", initialDelayString = "60s")
    void purgeExpired() {
        if (index instanceof PgvectorSemanticIndex pgvector) {
            try {
                long purged = pgvector.purgeExpired(clock.instant());
                log.debug("purged {} expired semantic entries", purged);
            } catch (RuntimeException e) {
                log.warn("purging expired semantic entries failed: {}", e.toString());
                metrics.backendError("semantic_index", "purge");
            }
        }
    }
}
