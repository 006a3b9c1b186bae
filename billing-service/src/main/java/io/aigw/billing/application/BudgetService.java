package io.aigw.billing.application;

import io.aigw.billing.domain.BillingException;
import io.aigw.billing.domain.BudgetAlerts;
import io.aigw.billing.domain.BudgetPeriod;
import io.aigw.billing.domain.NanoUsd;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Budget holds (ADR 0022): routing holds a request's maximum cost before calling a provider; billing
 * settles the hold to the real cost when it records the request's usage event, and fires the alerts
 * the settle crosses.
 */
public class BudgetService {

    /** {@code h-<tenant>-<YYYY-MM>-<32 hex>}: the id names the counter it belongs to. */
    private static final Pattern HOLD_ID = Pattern.compile("h-([a-z0-9][a-z0-9_-]{0,63})-(\\d{4}-\\d{2})-[0-9a-f]{32}");

    /** For all of one ledger batch's settles, which run concurrently, one call per tenant and month. */
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(10);

    /** What a hold request got. */
    public sealed interface HoldResult {
        /** @param remaining what is left of the month's budget after the hold; empty when unlimited */
        record Granted(String holdId, Optional<BigDecimal> remaining) implements HoldResult {}

        /** @param remaining what is left, less than asked for */
        record Refused(BigDecimal remaining) implements HoldResult {}
    }

    private final BudgetCounters counters;
    private final BudgetLimits limits;
    private final LedgerSpend ledger;
    private final BudgetAlerts alerts;
    private final BudgetEvents events;
    private final Blocking blocking;
    private final Clock clock;
    private final Duration holdTtl;
    private final SecureRandom random = new SecureRandom();

    public BudgetService(
            BudgetCounters counters,
            BudgetLimits limits,
            LedgerSpend ledger,
            BudgetAlerts alerts,
            BudgetEvents events,
            Blocking blocking,
            Clock clock,
            Duration holdTtl) {
        this.counters = counters;
        this.limits = limits;
        this.ledger = ledger;
        this.alerts = alerts;
        this.events = events;
        this.blocking = blocking;
        this.clock = clock;
        this.holdTtl = holdTtl;
    }

    /**
     * Holds {@code maxCostUsd} on the tenant's budget for this month.
     *
     * @throws BillingException.NotFound for an unknown tenant
     * @throws BillingException.InvalidInput for a negative or absurd amount
     */
    public Mono<HoldResult> hold(String tenantId, BigDecimal maxCostUsd) {
        long amount = NanoUsd.ceil(maxCostUsd);
        YearMonth month = BudgetPeriod.of(clock.instant());
        String holdId = "h-" + tenantId + "-" + month + "-" + HexFormat.of().formatHex(randomBytes());
        return limitNanos(tenantId).flatMap(limit -> counters.hold(tenantId, month, holdId, amount, limit, holdTtl)
                .flatMap(outcome -> outcome instanceof BudgetCounters.HoldOutcome.Uninitialised
                        ? initialise(tenantId, month)
                                .then(counters.hold(tenantId, month, holdId, amount, limit, holdTtl))
                        : Mono.just(outcome))
                .map(outcome -> result(holdId, outcome))
                .doOnNext(result -> events.held(result instanceof HoldResult.Granted)));
    }

    /** Releases a hold without spending; unknown or finished holds are a no-op. */
    public Mono<Boolean> release(String holdId) {
        Matcher id = parse(holdId);
        return counters.release(id.group(1), YearMonth.parse(id.group(2)), holdId);
    }

    /**
     * One request's settle: its hold (if any), its real cost, and whether its ledger row is new (true
     * when just written; false for a redelivered duplicate).
     */
    public record Settlement(String tenantId, String holdId, BigDecimal costUsd, Instant at, boolean newToLedger) {}

    /**
     * Settles the requests' holds (if any) to their real costs after their ledger rows were committed,
     * and fires the alerts this crosses. Blocking: the usage consumer calls it on its own thread.
     * The requests are those of one committed ledger batch, in order; each tenant's month is settled in
     * one call to the counters (one script, not one per request). When that finds the month counter
     * missing, the counter starts from the ledger's sum, and that sum holds every row of the batch: the
     * settles then only release the holds, or their costs would count twice.
     */
    public void settleAll(List<Settlement> settlements) {
        Map<MonthCounter, List<BudgetCounters.SettleItem>> byCounter = new LinkedHashMap<>();
        for (Settlement settlement : settlements) {
            Optional<Matcher> id = Optional.ofNullable(settlement.holdId())
                    .map(h -> HOLD_ID.matcher(h))
                    .filter(Matcher::matches);
            YearMonth month = id.map(m -> YearMonth.parse(m.group(2))).orElse(BudgetPeriod.of(settlement.at()));
            byCounter
                    .computeIfAbsent(new MonthCounter(settlement.tenantId(), month), counter -> new ArrayList<>())
                    .add(new BudgetCounters.SettleItem(
                            id.isPresent() ? settlement.holdId() : null,
                            NanoUsd.ceil(settlement.costUsd()),
                            settlement.newToLedger()));
        }
        Flux.fromIterable(byCounter.entrySet())
                .flatMap(counter -> settle(counter.getKey(), counter.getValue()))
                .then()
                .block(SETTLE_TIMEOUT);
    }

    private record MonthCounter(String tenantId, YearMonth month) {}

    private Mono<Void> settle(MonthCounter counter, List<BudgetCounters.SettleItem> items) {
        String tenantId = counter.tenantId();
        return counters.settleAll(tenantId, counter.month(), items).flatMap(settled -> {
            if (!settled.get(0).initialised()) {
                List<BudgetCounters.SettleItem> releases = items.stream()
                        .map(item -> new BudgetCounters.SettleItem(item.holdId(), 0, item.countIfUnknown()))
                        .toList();
                return initialise(tenantId, counter.month())
                        .then(counters.settleAll(tenantId, counter.month(), releases))
                        .then();
            }
            return limitNanos(tenantId)
                    // a tenant billing does not know has no budget to alert on; the rows are recorded anyway
                    .onErrorResume(BillingException.NotFound.class, unknown -> Mono.just(-1L))
                    .defaultIfEmpty(-1L)
                    .doOnNext(limit -> alert(counter, settled, limit))
                    .then();
        });
    }

    private void alert(MonthCounter counter, List<BudgetCounters.Settled> settled, long limit) {
        for (BudgetCounters.Settled one : settled) {
            for (int threshold : alerts.crossed(one.beforeNanos(), one.afterNanos(), limit)) {
                events.reached(
                        counter.tenantId(),
                        counter.month(),
                        threshold,
                        NanoUsd.toUsd(one.afterNanos()),
                        NanoUsd.toUsd(limit));
            }
        }
    }

    private Mono<Void> initialise(String tenantId, YearMonth month) {
        return blocking.call(() -> NanoUsd.ceil(ledger.spent(tenantId, month)))
                .flatMap(spent -> counters.initialise(tenantId, month, spent));
    }

    /** The tenant's monthly budget in nano-USD; -1 when unlimited. */
    private Mono<Long> limitNanos(String tenantId) {
        return limits.nanos(tenantId);
    }

    private static HoldResult result(String holdId, BudgetCounters.HoldOutcome outcome) {
        if (outcome instanceof BudgetCounters.HoldOutcome.Granted granted) {
            return new HoldResult.Granted(
                    holdId,
                    granted.remainingNanos() < 0
                            ? Optional.empty()
                            : Optional.of(NanoUsd.toUsd(granted.remainingNanos())));
        }
        if (outcome instanceof BudgetCounters.HoldOutcome.Refused refused) {
            return new HoldResult.Refused(NanoUsd.toUsd(Math.max(0, refused.remainingNanos())));
        }
        throw new IllegalStateException("the month counter is still not initialised");
    }

    private static Matcher parse(String holdId) {
        Matcher id = HOLD_ID.matcher(holdId == null ? "" : holdId);
        if (!id.matches()) {
            throw new BillingException.InvalidInput("hold_id", "not a hold id: '" + holdId + "'");
        }
        return id;
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return bytes;
    }
}
