package io.aigw.billing.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * Which ledger rows a report covers and how it groups them.
 *
 * @param from the first UTC day, inclusive
 * @param to the last UTC day, inclusive
 * @param groupBy dimensions in order; empty gives only the totals
 * @param tenant restricts the report to one tenant
 */
public record ReportQuery(LocalDate from, LocalDate to, List<ReportDimension> groupBy, Optional<String> tenant) {

    /** A report spans at most this many days, so one request cannot scan years of ledger. */
    public static final int MAX_DAYS = 400;

    /** Checks the range and the dimensions. */
    public ReportQuery {
        if (from == null || to == null) {
            throw new BillingException.InvalidInput(from == null ? "from" : "to", "from and to must be set");
        }
        if (to.isBefore(from)) {
            throw new BillingException.InvalidInput("to", "to (" + to + ") is before from (" + from + ")");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new BillingException.InvalidInput("to", "a report spans at most " + MAX_DAYS + " days");
        }
        List<ReportDimension> dims = List.copyOf(groupBy == null ? List.of() : groupBy);
        if (new LinkedHashSet<>(dims).size() != dims.size()) {
            throw new BillingException.InvalidInput("group_by", "group_by names a dimension twice: " + dims);
        }
        groupBy = dims;
        tenant = tenant == null ? Optional.empty() : tenant.filter(t -> !t.isBlank());
    }
}
