package io.aigw.gateway.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * One scope's counters: an exact sliding minute window (a request fits when it and everything taken
 * in the last minute stay within the limits; a fixed window would let twice the limit through at a
 * boundary) and the current UTC day's totals. The Redis script keeps the same counters with the same
 * arithmetic; this one serves the local fallback and states the rules in tests. Not thread-safe.
 */
final class TenantWindow {

    private final Duration span;
    private final Deque<Entry> entries = new ArrayDeque<>();
    private final Map<String, Entry> byId = new HashMap<>();
    private long tokens;
    private UtcDay day;
    private long dayRequests;
    private long dayTokens;

    TenantWindow(Duration span) {
        this.span = span;
    }

    /** The refusal this scope gives a request of {@code cost} tokens now, or {@code null} if it fits. */
    Refusal check(Plan plan, long cost, Instant now) {
        roll(now);
        Refusal refusal = null;
        if (plan.rpm() > 0 && entries.size() + 1 > plan.rpm()) {
            refusal = longer(refusal, LimitKind.RPM, untilExpired(entries.size() + 1 - plan.rpm(), now));
        }
        if (plan.tpm() > 0 && tokens + cost > plan.tpm()) {
            Duration wait = cost > plan.tpm() ? span : untilFreed(tokens + cost - plan.tpm(), now);
            refusal = longer(refusal, LimitKind.TPM, wait);
        }
        Duration dayLeft = day.untilEnd(now);
        if (plan.requestsPerDay() > 0 && dayRequests + 1 > plan.requestsPerDay()) {
            refusal = longer(refusal, LimitKind.REQUESTS_PER_DAY, dayLeft);
        }
        if (plan.tokensPerDay() > 0 && dayTokens + cost > plan.tokensPerDay()) {
            refusal = longer(refusal, LimitKind.TOKENS_PER_DAY, dayLeft);
        }
        return refusal;
    }

    void take(String id, long cost, Instant now) {
        roll(now);
        Entry entry = new Entry(id, now, cost);
        entries.addLast(entry);
        byId.put(id, entry);
        tokens += cost;
        dayRequests++;
        dayTokens += cost;
    }

    /**
     * Replaces a request's estimate with what it really used: in the minute window while the request
     * is still in it, and in the day it was charged to while that day lasts.
     */
    void settle(String id, UtcDay chargedDay, long estimate, long actual) {
        Entry entry = byId.get(id);
        if (entry != null) {
            tokens += actual - entry.cost;
            entry.cost = actual;
        }
        if (chargedDay.equals(day)) {
            dayTokens += actual - estimate;
        }
    }

    ScopeUsage usage(Plan plan, Instant now) {
        roll(now);
        Duration reset = entries.isEmpty()
                ? Duration.ZERO
                : Duration.between(now, entries.peekFirst().at.plus(span));
        return new ScopeUsage(plan, entries.size(), tokens, reset, dayRequests, dayTokens);
    }

    private void roll(Instant now) {
        Instant horizon = now.minus(span);
        while (!entries.isEmpty() && !entries.peekFirst().at.isAfter(horizon)) {
            Entry gone = entries.removeFirst();
            byId.remove(gone.id);
            tokens -= gone.cost;
        }
        UtcDay today = UtcDay.of(now);
        if (!today.equals(day)) {
            day = today;
            dayRequests = 0;
            dayTokens = 0;
        }
    }

    /** When the {@code count}-th oldest request leaves the window. */
    private Duration untilExpired(long count, Instant now) {
        long seen = 0;
        for (Entry entry : entries) {
            if (++seen == count) {
                return Duration.between(now, entry.at.plus(span));
            }
        }
        return span;
    }

    /** When enough of the oldest requests have left to free {@code needed} tokens. */
    private Duration untilFreed(long needed, Instant now) {
        long freed = 0;
        for (Entry entry : entries) {
            freed += entry.cost;
            if (freed >= needed) {
                return Duration.between(now, entry.at.plus(span));
            }
        }
        return span;
    }

    private static Refusal longer(Refusal current, LimitKind kind, Duration wait) {
        Duration atLeast = wait.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : wait;
        return current == null || atLeast.compareTo(current.delay()) > 0 ? new Refusal(kind, atLeast) : current;
    }

    /** Which limit refuses and for how long. */
    record Refusal(LimitKind kind, Duration delay) {}

    private static final class Entry {
        final String id;
        final Instant at;
        long cost;

        Entry(String id, Instant at, long cost) {
            this.id = id;
            this.at = at;
            this.cost = cost;
        }
    }
}
