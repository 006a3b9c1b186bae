package io.aigw.billing.application;

import io.aigw.billing.domain.UsageRecord;

/** Step 6 of the request path: a finished request becomes a ledger row, exactly once. */
public class UsageRecorder {

    private final UsageLedger ledger;

    public UsageRecorder(UsageLedger ledger) {
        this.ledger = ledger;
    }

    /**
     * Records the request; blocking, returns after the commit.
     *
     * @see UsageLedger#record(UsageRecord)
     */
    public UsageLedger.Outcome record(UsageRecord record) {
        return ledger.record(record);
    }
}
