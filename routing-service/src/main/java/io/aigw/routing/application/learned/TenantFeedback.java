package io.aigw.routing.application.learned;

import io.aigw.routing.domain.learned.FeedbackRetention;
import io.aigw.routing.domain.learned.FeedbackWindow;
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
 * Each tenant's feedback in memory, for predictions on the request path, within the retention bounds
 * (the same bounds the store applies, so replicas converge on the same newest entries). Feedback given
 * to this replica is added at once; what other replicas stored is read from the store when a tenant is
 * first seen and again once its copy is older than {@code refreshEvery}. A reload runs in the
 * background: until the first one is in, the tenant simply has no feedback here (its learned groups act
 * as cascades), so the request path never waits for the store.
 */
public final class TenantFeedback {

    private static final Logger log = LoggerFactory.getLogger(TenantFeedback.class);

    private final FeedbackStore store;
    private final Clock clock;
    private final Duration refreshEvery;
    private final FeedbackRetention retention;
    private final Map<String, Tenant> tenants = new ConcurrentHashMap<>();

    public TenantFeedback(FeedbackStore store, Clock clock, Duration refreshEvery, FeedbackRetention retention) {
        this.store = store;
        this.clock = clock;
        this.refreshEvery = refreshEvery;
        this.retention = retention;
    }

    /** Adds feedback given to this replica. */
    public void add(String tenant, FeedbackEntry entry) {
        tenant(tenant).window.put(entry.requestId(), entry.at(), entry.example(), clock.instant());
    }

    /** The tenant's examples as known here now, oldest first; starts a reload when they are stale. */
    public List<LabeledExample> examples(String tenant) {
        Tenant known = tenant(tenant);
        refreshIfStale(tenant, known);
        return known.window.examples(clock.instant());
    }

    /** Examples by tier. */
    public static Map<Integer, Integer> counts(List<LabeledExample> examples) {
        Map<Integer, Integer> counts = new TreeMap<>();
        examples.forEach(e -> counts.merge(e.tier(), 1, Integer::sum));
        return counts;
    }

    private Tenant tenant(String tenant) {
        return tenants.computeIfAbsent(tenant, t -> new Tenant(new FeedbackWindow(retention)));
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
                .doOnNext(entry -> known.window.put(entry.requestId(), entry.at(), entry.example(), clock.instant()))
                .doFinally(signal -> {
                    known.loadedAt = clock.instant();
                    known.loading.set(false);
                })
                .subscribe(entry -> {}, error -> log.warn("feedback of {} not reloaded: {}", tenant, error.toString()));
    }

    private static final class Tenant {
        final FeedbackWindow window;
        final AtomicBoolean loading = new AtomicBoolean();
        volatile Instant loadedAt;

        Tenant(FeedbackWindow window) {
            this.window = window;
        }
    }
}
