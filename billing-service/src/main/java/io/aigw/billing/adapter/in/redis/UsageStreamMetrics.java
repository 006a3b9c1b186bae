package io.aigw.billing.adapter.in.redis;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code aigw_usage_events_total{result}} and {@code aigw_usage_stream_lag{state}}: how many entries
 * were recorded, found duplicate, dead-lettered or failed (and stayed pending for a retry), and how
 * far billing is behind (entries not yet delivered to the group, entries delivered but not acked).
 * {@code aigw_usage_batch_entries}: how many entries each ledger write carried.
 */
public class UsageStreamMetrics {

    /** What happened to one stream entry. */
    public enum Result {
        RECORDED,
        DUPLICATE,
        DEAD_LETTERED,
        /** the ledger or Redis failed; the entry stays pending and is retried */
        FAILED
    }

    private static final String LAG =
            "Usage stream entries billing has not yet handled: undelivered to its group, or pending (not acked)";

    private final Map<Result, Counter> results = new EnumMap<>(Result.class);
    private final AtomicLong undelivered = new AtomicLong();
    private final AtomicLong pending = new AtomicLong();
    private final DistributionSummary batches;

    public UsageStreamMetrics(MeterRegistry registry) {
        for (Result result : Result.values()) {
            results.put(
                    result,
                    Counter.builder("aigw.usage.events")
                            .description("Usage stream entries billing handled, by result")
                            .tag("result", result.name().toLowerCase(Locale.ROOT))
                            .register(registry));
        }
        Gauge.builder("aigw.usage.stream.lag", undelivered, AtomicLong::get)
                .description(LAG)
                .tag("state", "undelivered")
                .register(registry);
        Gauge.builder("aigw.usage.stream.lag", pending, AtomicLong::get)
                .description(LAG)
                .tag("state", "pending")
                .register(registry);
        batches = DistributionSummary.builder("aigw.usage.batch")
                .description("Usage stream entries written to the ledger in one transaction")
                .baseUnit("entries")
                .register(registry);
    }

    void batch(int entries) {
        batches.record(entries);
    }

    void count(Result result) {
        results.get(result).increment();
    }

    void lag(long undeliveredEntries, long pendingEntries) {
        undelivered.set(undeliveredEntries);
        pending.set(pendingEntries);
    }
}
