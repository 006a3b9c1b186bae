package io.aigw.routing.domain.learned;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * One tenant's feedback, kept within a {@link FeedbackRetention}: a second feedback on the same request
 * replaces the first, entries older than the maximum age are dropped, and beyond the maximum count the
 * oldest go. Thread-safe; the examples are handed out as an immutable snapshot, rebuilt only after a
 * change, so the request path does not copy the feedback on every prediction.
 */
public final class FeedbackWindow {

    private static final Comparator<Entry> OLDEST_FIRST =
            Comparator.comparing(Entry::at).thenComparing(Entry::requestId);

    private final FeedbackRetention retention;
    private final Map<String, Entry> byRequest = new HashMap<>();
    private final TreeSet<Entry> byAge = new TreeSet<>(OLDEST_FIRST);
    private List<LabeledExample> snapshot = List.of();
    private boolean changed;

    public FeedbackWindow(FeedbackRetention retention) {
        this.retention = Objects.requireNonNull(retention, "retention");
    }

    /** Adds or replaces the feedback on {@code requestId}, given at {@code at}; then applies the bounds. */
    public synchronized void put(String requestId, Instant at, LabeledExample example, Instant now) {
        Entry previous = byRequest.remove(requestId);
        if (previous != null) {
            byAge.remove(previous);
        }
        Entry entry = new Entry(requestId, at, example);
        byRequest.put(requestId, entry);
        byAge.add(entry);
        changed = true;
        evict(now);
    }

    /** The feedback within bounds at {@code now}, oldest first. */
    public synchronized List<LabeledExample> examples(Instant now) {
        evict(now);
        if (changed) {
            List<LabeledExample> examples = new ArrayList<>(byAge.size());
            byAge.forEach(e -> examples.add(e.example()));
            snapshot = List.copyOf(examples);
            changed = false;
        }
        return snapshot;
    }

    public synchronized int size() {
        return byRequest.size();
    }

    private void evict(Instant now) {
        Instant oldestKept = now.minus(retention.maxAge());
        while (!byAge.isEmpty()
                && (byAge.first().at().isBefore(oldestKept) || byAge.size() > retention.maxPerTenant())) {
            byRequest.remove(byAge.pollFirst().requestId());
            changed = true;
        }
    }

    private record Entry(String requestId, Instant at, LabeledExample example) {}
}
