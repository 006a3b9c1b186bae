package io.aigw.billing.application;

import io.aigw.billing.domain.UsageRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * Step 6 of the request path: a finished request becomes a ledger row, exactly once, and its cost
 * moves from the budget hold (if any) to the tenant's month spend.
 */
public class UsageRecorder {

    private final UsageLedger ledger;
    private final BudgetService budgets;

    public UsageRecorder(UsageLedger ledger, BudgetService budgets) {
        this.ledger = ledger;
        this.budgets = budgets;
    }

    /**
     * Records the request, then settles its budget hold; blocking, returns after both. A failure of
     * the settle propagates, so the entry is not acknowledged and its redelivery (a duplicate for the
     * ledger) finishes the settle without counting the cost twice.
     *
     * @see UsageLedger#record(UsageRecord)
     */
    public UsageLedger.Outcome record(UsageRecord record) {
        UsageLedger.Outcome outcome = ledger.record(record);
        budgets.settleAll(List.of(settlement(record, outcome)));
        return outcome;
    }

    /**
     * Records the requests in one commit, then settles each one's hold; blocking. A failed settle
     * propagates as in {@link #record}: the whole batch is redelivered, and the ledger's duplicates
     * finish the settles without counting a cost twice.
     *
     * @see UsageLedger#recordAll(List)
     */
    public List<UsageLedger.Outcome> recordAll(List<UsageRecord> records) {
        List<UsageLedger.Outcome> outcomes = ledger.recordAll(records);
        List<BudgetService.Settlement> settlements = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            settlements.add(settlement(records.get(i), outcomes.get(i)));
        }
        budgets.settleAll(settlements);
        return outcomes;
    }

    private static BudgetService.Settlement settlement(UsageRecord record, UsageLedger.Outcome outcome) {
        return new BudgetService.Settlement(
                record.tenantId(),
                record.holdId().orElse(null),
                record.costUsd(),
                record.occurredAt(),
                outcome == UsageLedger.Outcome.RECORDED);
    }
}
