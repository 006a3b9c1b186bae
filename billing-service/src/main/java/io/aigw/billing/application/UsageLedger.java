package io.aigw.billing.application;

import io.aigw.billing.domain.UsageRecord;

/**
 * The price-stamped ledger of finished requests. Blocking: the usage consumer calls it on its own
 * thread.
 */
public interface UsageLedger {

    /** What {@link #record} did. */
    enum Outcome {
        /** the row was committed */
        RECORDED,
        /** a row with that request id was there already; nothing changed */
        DUPLICATE
    }

    /**
     * Writes the row and commits, or finds it written already. Returns only after the commit, so the
     * caller may acknowledge the stream entry then.
     *
     * @throws Rejected when the database refuses the row for good (not a duplicate)
     * @throws RuntimeException when the database is unreachable or failed; retry later
     */
    Outcome record(UsageRecord record);

    /** The database refuses this row whatever the retry: the entry must go to the dead letters. */
    final class Rejected extends RuntimeException {
        public Rejected(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
