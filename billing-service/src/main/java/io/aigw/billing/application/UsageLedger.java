package io.aigw.billing.application;

import io.aigw.billing.domain.UsageRecord;
import java.util.List;

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

    /**
     * Writes the rows in one commit (those not there yet), and returns what happened to each, in
     * order; a request twice in the list is a duplicate the second time. All or nothing.
     *
     * @throws Rejected when the database refuses the batch (a row it refuses, or a row another consumer
     *     wrote meanwhile): nothing was written, and {@link #record} one at a time tells which
     * @throws RuntimeException when the database is unreachable or failed; retry later
     */
    List<Outcome> recordAll(List<UsageRecord> records);

    /** The database refuses this row whatever the retry: the entry must go to the dead letters. */
    final class Rejected extends RuntimeException {
        public Rejected(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
