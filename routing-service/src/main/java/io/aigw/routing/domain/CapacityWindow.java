package io.aigw.routing.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * The exact sliding window a provider counts in: a call fits when it and everything taken in the
 * last {@code span} stay within both limits. A fixed window would let twice the limit through at a
 * boundary; providers do not. The Redis script implements the same arithmetic; this one serves the
 * local fallback and states the rules in tests. Not thread-safe: its owner serialises calls.
 */
public final class CapacityWindow {

    private final Duration span;
    private final Deque<Entry> entries = new ArrayDeque<>();
    private final Map<String, Entry> byId = new HashMap<>();
    private long tokens;
    private Instant blockedUntil = Instant.MIN;

    public CapacityWindow(Duration span) {
        if (span.isNegative() || span.isZero()) {
            throw new IllegalArgumentException("span must be positive, was " + span);
        }
        this.span = span;
    }

    /** Empty when a call of {@code cost} tokens fits now; else how long until it would. */
    public Optional<Duration> waitFor(RateLimit limit, long cost, Instant now) {
        expire(now);
        Duration wait = Duration.ZERO;
        if (blockedUntil.isAfter(now)) {
            wait = Duration.between(now, blockedUntil);
        }
        long rpm = limit.requestsPerMinute();
        if (rpm > 0 && entries.size() + 1 > rpm) {
            wait = max(wait, untilExpired(entries.size() + 1 - rpm, now));
        }
        long tpm = limit.tokensPerMinute();
        if (tpm > 0 && tokens + cost > tpm) {
            wait = max(wait, cost > tpm ? span : untilFreed(tokens + cost - tpm, now));
        }
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    public void take(String id, long cost, Instant now) {
        Entry entry = new Entry(id, now, cost);
        entries.addLast(entry);
        byId.put(id, entry);
        tokens += cost;
    }

    /** Replaces a taken call's estimate with what it really used (more or less). */
    public void settle(String id, long actual) {
        Entry entry = byId.get(id);
        if (entry != null) {
            tokens += actual - entry.cost;
            entry.cost = actual;
        }
    }

    /** Gives back a call the provider never accepted. */
    public void release(String id) {
        Entry entry = byId.remove(id);
        if (entry != null) {
            entries.remove(entry);
            tokens -= entry.cost;
        }
    }

    /** Refuses every call until {@code until}: the provider told us it is out of capacity. */
    public void blockUntil(Instant until) {
        if (until.isAfter(blockedUntil)) {
            blockedUntil = until;
        }
    }

    public int requests(Instant now) {
        expire(now);
        return entries.size();
    }

    public long tokens(Instant now) {
        expire(now);
        return tokens;
    }

    private void expire(Instant now) {
        Instant horizon = now.minus(span);
        while (!entries.isEmpty() && !entries.peekFirst().at.isAfter(horizon)) {
            Entry gone = entries.removeFirst();
            byId.remove(gone.id);
            tokens -= gone.cost;
        }
    }

    /** When the {@code count}-th oldest call leaves the window. */
    private Duration untilExpired(long count, Instant now) {
        Iterator<Entry> it = entries.iterator();
        Entry entry = null;
        for (long i = 0; i < count && it.hasNext(); i++) {
            entry = it.next();
        }
        return entry == null ? span : Duration.between(now, entry.at.plus(span));
    }

    /** When enough of the oldest calls have left to free {@code needed} tokens. */
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

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

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
