package io.aigw.billing.adapter.in.web;

import io.aigw.billing.application.ReportService;
import io.aigw.billing.domain.BillingException;
import io.aigw.billing.domain.ReportDimension;
import io.aigw.billing.domain.ReportQuery;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Usage and cost reports ({@code GET /admin/reports/usage}) as JSON, or as CSV with {@code
 * ?format=csv} or {@code Accept: text/csv}.
 */
@RestController
public class AdminReportsController {

    static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final ReportService reports;
    private final Clock clock;

    public AdminReportsController(ReportService reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    /**
     * @param from first UTC day, {@code YYYY-MM-DD}; defaults to the first day of {@code to}'s month
     * @param to last UTC day, inclusive; defaults to today (UTC)
     * @param groupBy comma-separated: tenant, key, model, provider, tier, day
     * @param tenant only this tenant; a tenant's own admin gets its tenant whether it names it or not,
     *     and 403 for another
     * @param format {@code json} or {@code csv}; wins over {@code Accept}
     */
    @GetMapping("/admin/reports/usage")
    public Mono<ResponseEntity<Object>> usage(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(name = "group_by", required = false) String groupBy,
            @RequestParam(required = false) String tenant,
            @RequestParam(required = false) String format,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
            @RequestAttribute(AdminCaller.ATTRIBUTE) AdminCaller caller) {
        return Mono.fromCallable(() -> query(from, to, groupBy, scoped(tenant, caller)))
                .flatMap(reports::report)
                .map(report -> {
                    if (wantsCsv(format, accept)) {
                        return ResponseEntity.ok()
                                .contentType(TEXT_CSV)
                                .header(
                                        HttpHeaders.CONTENT_DISPOSITION,
                                        "attachment; filename=\"usage-"
                                                + report.query().from() + "-"
                                                + report.query().to() + ".csv\"")
                                .body((Object) UsageReportViews.csv(report));
                    }
                    return ResponseEntity.ok()
                            .contentType(MediaType.APPLICATION_JSON)
                            .body((Object) UsageReportViews.json(report));
                });
    }

    private static String scoped(String tenant, AdminCaller caller) {
        if (caller.tenant().isEmpty()) {
            return tenant;
        }
        String own = caller.tenant().get();
        if (tenant != null && !tenant.isBlank() && !tenant.equals(own)) {
            throw new Forbidden("this credential is limited to tenant '" + own + "'");
        }
        return own;
    }

    private ReportQuery query(String from, String to, String groupBy, String tenant) {
        LocalDate last = to == null ? LocalDate.now(clock.withZone(ZoneOffset.UTC)) : day("to", to);
        LocalDate first = from == null ? last.withDayOfMonth(1) : day("from", from);
        List<ReportDimension> dims = groupBy == null || groupBy.isBlank()
                ? List.of()
                : Arrays.stream(groupBy.split(",")).map(ReportDimension::parse).toList();
        return new ReportQuery(first, last, dims, Optional.ofNullable(tenant));
    }

    private static LocalDate day(String field, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new BillingException.InvalidInput(
                    field, field + " must be a day like 2026-11-30, was '" + value + "'");
        }
    }

    static boolean wantsCsv(String format, String accept) {
        if (format != null) {
            if (format.equalsIgnoreCase("csv")) {
                return true;
            }
            if (format.equalsIgnoreCase("json")) {
                return false;
            }
            throw new BillingException.InvalidInput("format", "format must be json or csv, was '" + format + "'");
        }
        return accept != null
                && MediaType.parseMediaTypes(accept).stream()
                        .anyMatch(type -> type.isCompatibleWith(TEXT_CSV) && !type.isWildcardType());
    }
}
