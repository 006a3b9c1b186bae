package io.aigw.billing.adapter.out.jpa;

import io.aigw.billing.application.UsageLedger;
import io.aigw.billing.domain.UsageRecord;
import java.time.Clock;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ledger in the {@code usage_ledger} table. Idempotency rests on the primary key, not on vendor
 * SQL (ADR 0020): a row already there is a duplicate; two consumers racing on the same request id
 * (after a reclaim) cannot both insert, and the loser finds the winner's row.
 */
public class JpaUsageLedger implements UsageLedger {

    private final UsageLedgerRepository rows;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public JpaUsageLedger(UsageLedgerRepository rows, TransactionTemplate transactions, Clock clock) {
        this.rows = rows;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Outcome record(UsageRecord record) {
        try {
            // one transaction for the check and the insert: the check apart cost a transaction of its
            // own (begin, query, commit) on every event
            return transactions.execute(status -> {
                // the common redelivery path asks first, so it does not log a constraint violation each time
                if (rows.existsById(record.requestId())) {
                    return Outcome.DUPLICATE;
                }
                rows.saveAndFlush(UsageLedgerEntity.of(record, clock.instant()).asNew());
                return Outcome.RECORDED;
            });
        } catch (DataIntegrityViolationException e) {
            if (rows.existsById(record.requestId())) {
                return Outcome.DUPLICATE;
            }
            throw new Rejected("the ledger refuses request " + record.requestId() + ": " + rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
