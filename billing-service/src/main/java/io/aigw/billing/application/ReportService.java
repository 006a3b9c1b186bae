package io.aigw.billing.application;

import io.aigw.billing.domain.ReportQuery;
import io.aigw.billing.domain.UsageReport;
import reactor.core.publisher.Mono;

/** Usage and cost reports over the ledger. */
public class ReportService {

    private final UsageReports reports;
    private final Blocking blocking;

    public ReportService(UsageReports reports, Blocking blocking) {
        this.reports = reports;
        this.blocking = blocking;
    }

    public Mono<UsageReport> report(ReportQuery query) {
        return blocking.call(() -> reports.report(query));
    }
}
