package io.aigw.simulator.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The accepted requests of the last {@code span}, with their tokens. An entry made at {@code t} counts while
 * {@code now < t + span}. The limiter and the stats share this class so that both agree, to the nanosecond, on
 * what was inside a window. Not thread-safe: callers serialize access.
 */
final class SlidingLog {

    private record Entry(Instant at, long tokens) {}

    private final Duration span;
    private final Deque<Entry> entries = new ArrayDeque<>();
    private long tokens;

    SlidingLog(Duration span) {
        this.span = span;
    }

    void evict(Instant now) {
        while (!entries.isEmpty() && !entries.peekFirst().at().plus(span).isAfter(now)) {
            tokens -= entries.removeFirst().tokens();
        }
    }

    void add(Instant at, long entryTokens) {
        entries.addLast(new Entry(at, entryTokens));
        tokens += entryTokens;
    }

    int requests() {
        return entries.size();
    }

    long tokens() {
        return tokens;
    }

    /** Time from {@code now} until the log is empty again (zero when it already is). */
    Duration untilEmpty(Instant now) {
        return entries.isEmpty()
                ? Duration.ZERO
                : Duration.between(now, entries.peekLast().at().plus(span));
    }

    /**
     * Time from {@code now} until one more request of {@code cost} tokens fits under {@code limits}, or null when it
     * never can (the request alone is over the token limit).
     */
    Duration untilFits(Instant now, Limits limits, long cost) {
        if (limits.limitsTokens() && cost > limits.tpm()) {
            return null;
        }
        int requestsLeft = entries.size();
        long tokensLeft = tokens;
        Instant freeAt = now;
        for (Entry entry : entries) {
            if (fits(limits, requestsLeft, tokensLeft, cost)) {
                break;
            }
            requestsLeft--;
            tokensLeft -= entry.tokens();
            freeAt = entry.at().plus(span);
        }
        return Duration.between(now, freeAt);
    }

    static boolean fits(Limits limits, int requests, long usedTokens, long cost) {
        boolean requestsOk = !limits.limitsRequests() || requests + 1 <= limits.rpm();
        boolean tokensOk = !limits.limitsTokens() || usedTokens + cost <= limits.tpm();
        return requestsOk && tokensOk;
    }

    void clear() {
        entries.clear();
        tokens = 0;
    }
}
