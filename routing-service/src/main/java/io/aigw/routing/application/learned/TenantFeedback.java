package io.aigw.routing.application.learned;

import io.aigw.routing.domain.learned.LabeledExample;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each tenant's feedback in memory, for predictions on the request path. Feedback given to this
 * replica is added at once; what other replicas stored is read from the store when a tenant is first
 * seen and again once its copy is older than {@code refreshEvery}. A reload runs in the background:
 * until the first one is in, the tenant simply has no feedback here (its learned groups act as
 * cascades), so the request path never waits for the store.
 */
public final class TenantFeedback {

    private static final Logger log = LoggerFactory.getLogger(TenantFeedback.class);

    private final FeedbackStore store;
    private final Clock clock;
    private final Duration refreshEvery;
    private final Map<String, Tenant> tenants = new ConcurrentHashMap<>();

    public TenantFeedback(FeedbackStore store, Clock clock, Duration refreshEvery) {
        this.store = store;
        this.clock = clock;
        this.refreshEvery = refreshEvery;
    }

    /** Adds feedback given to this replica. */
    public void add(String tenant, FeedbackEntry entry) {
        tenant(tenant).examples.put(entry.requestId(), entry.example());
    }

    /** The tenant's examples as known here now; starts a reload when they are stale. */
    public List<LabeledExample> examples(String tenant) {
        Tenant known = tenant(tenant);
        refreshIfStale(tenant, known);
        return List.copyOf(known.examples.values());
    }

    /** Examples by tier. */
    public static Map<Integer, Integer> counts(List<LabeledExample> examples) {
        Map<Integer, Integer> counts = new TreeMap<>();
        examples.forEach(e -> counts.merge(e.tier(), 1, Integer::sum));
        return counts;
    }

    private Tenant tenant(String tenant) {
        return tenants.computeIfAbsent(tenant, t -> new Tenant());
    }

    private void refreshIfStale(String tenant, Tenant known) {
        Instant now = clock.instant();
        Instant loaded = known.loadedAt;
        if (loaded != null && loaded.plus(refreshEvery).isAfter(now)) {
            return;
        }
        if (!known.loading.compareAndSet(false, true)) {
            return;
        }
        store.load(tenant)
                .doOnNext(entry -> known.examples.put(entry.requestId(), entry.example()))
                .doFinally(signal -> {
                    known.loadedAt = clock.instant();
                    known.loading.set(false);
                })
                .subscribe(entry -> {}, error -> log.warn("feedback of {} not reloaded: {}", tenant, error.toString()));
    }

    private static final class Tenant {
        final Map<String, LabeledExample> examples = new ConcurrentHashMap<>();
        final AtomicBoolean loading = new AtomicBoolean();
        volatile Instant loadedAt;
    }
}
