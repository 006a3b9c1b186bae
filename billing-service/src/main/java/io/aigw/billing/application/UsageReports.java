package io.aigw.billing.application;

import io.aigw.billing.domain.ReportQuery;
import io.aigw.billing.domain.UsageReport;

/** Sums the ledger for reports. Blocking: callers run it off the event loop (see {@link Blocking}). */
public interface UsageReports {

    UsageReport report(ReportQuery query);
}
