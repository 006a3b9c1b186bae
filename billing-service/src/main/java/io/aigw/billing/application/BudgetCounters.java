package io.aigw.billing.application;

import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Each tenant's spend and open holds per calendar month, shared by every billing replica and changed
 * only atomically (ADR 0022). Amounts are nano-USD.
 */
public interface BudgetCounters {

    /** What a hold attempt found. */
    sealed interface HoldOutcome {
        /** @param remainingNanos what is left after this hold; negative when unlimited */
        record Granted(long remainingNanos) implements HoldOutcome {}

        /** @param remainingNanos what is left, less than the hold asked for */
        record Refused(long remainingNanos) implements HoldOutcome {}

        /** The month has no counter yet: {@link #initialise} it from the ledger, then try again. */
        record Uninitialised() implements HoldOutcome {}
    }

    /**
     * What a settle changed.
     *
     * @param beforeNanos spent before
     * @param afterNanos spent after
     * @param initialised false when the month has no counter yet (nothing changed)
     */
    record Settled(long beforeNanos, long afterNanos, boolean initialised) {}

    /** Holds {@code amountNanos} if spent + held + amount stays within {@code limitNanos} (negative: no limit). */
    Mono<HoldOutcome> hold(
            String tenantId, YearMonth month, String holdId, long amountNanos, long limitNanos, Duration ttl);

    /**
     * One request's part of {@link #settleAll}.
     *
     * @param holdId the hold to settle, or null when the request had none
     * @param costNanos the request's real cost
     * @param countIfUnknown add the cost even when the hold is gone (expired or never placed): true for
     *     a request new to the ledger, false for a redelivered one, which must not count twice
     */
    record SettleItem(String holdId, long costNanos, boolean countIfUnknown) {}

    /**
     * Replaces each request's hold (if any) by its real cost, in order, in one atomic step of the
     * tenant's month.
     *
     * @return one {@link Settled} per item, in order; when the month has no counter, one that says so
     *     (nothing changed)
     */
    Mono<List<Settled>> settleAll(String tenantId, YearMonth month, List<SettleItem> items);

    /** Drops the hold without spending; false when there was none. */
    Mono<Boolean> release(String tenantId, YearMonth month, String holdId);

    /** What the month counter says was spent; empty when the month has no counter yet. */
    Mono<Long> spent(String tenantId, YearMonth month);

    /** Starts the month at {@code spentNanos} unless it was started already. */
    Mono<Void> initialise(String tenantId, YearMonth month, long spentNanos);
}
