package io.aigw.billing.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.aigw.billing.domain.BudgetAlerts;
import io.aigw.billing.domain.BudgetStanding;
import io.aigw.billing.domain.Plan;
import io.aigw.billing.domain.Tenant;
import io.aigw.testsupport.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** How a ledger batch's settles reach the counters: one call per tenant and month, in order. */
class BudgetServiceSettleTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final YearMonth DECEMBER = YearMonth.of(2026, 12);

    private final InMemoryStores stores = new InMemoryStores();
    private final MutableClock clock = new MutableClock(T0);
    private final CountingCounters counters = new CountingCounters();
    private final List<String> alerts = new ArrayList<>();
    private final Map<String, BigDecimal> ledgerSums = new HashMap<>();
    private final Blocking blocking = new Blocking(Schedulers.immediate());
    private final BudgetService budgets = new BudgetService(
            counters,
            new BudgetLimits(
                    stores.tenantDirectory,
                    stores.planCatalog,
                    new PublishedLimits() {
                        @Override
                        public Mono<Void> publish(String tenantId, long nanos) {
                            return Mono.empty();
                        }

                        @Override
                        public Mono<Void> withdraw(String tenantId) {
                            return Mono.empty();
                        }
                    },
                    blocking,
                    clock,
                    Duration.ofSeconds(5)),
            (tenantId, month) -> ledgerSums.getOrDefault(tenantId, BigDecimal.ZERO),
            new BudgetAlerts(List.of(50, 80, 100)),
            new BudgetEvents() {
                @Override
                public void held(boolean granted) {}

                @Override
                public void reached(
                        String tenantId, YearMonth month, int threshold, BigDecimal spentUsd, BigDecimal budgetUsd) {
                    alerts.add(tenantId + " " + threshold + " at "
                            + spentUsd.stripTrailingZeros().toPlainString());
                }

                @Override
                public void standings(List<BudgetStanding> standings) {}
            },
            blocking,
            clock,
            Duration.ofMinutes(5));

    @BeforeEach
    void tenantsWithAOneDollarBudget() {
        stores.plans.put(
                "team",
                new Plan(
                        "team",
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        3,
                        List.of(),
                        Optional.of(BigDecimal.ONE)));
        stores.tenants.put("acme", new Tenant("acme", "Acme", "team", T0, T0));
        stores.tenants.put("globex", new Tenant("globex", "Globex", "team", T0, T0));
    }

    @Test
    void shouldSettleEachTenantsMonthInOneCallInOrderAndAlertAtTheRequestThatCrosses() {
        // given: both months have counters
        counters.spent.put("acme", 0L);
        counters.spent.put("globex", 0L);
        String hold = "h-acme-2026-12-" + "0".repeat(32);

        // when one batch of four requests of two tenants is settled
        budgets.settleAll(List.of(
                settlement("acme", hold, "0.25"),
                settlement("globex", null, "0.10"),
                settlement("acme", null, "0.30"),
                settlement("acme", null, "0.05")));

        // then one call per tenant, acme's three items in the batch's order
        assertThat(counters.calls).containsExactly("acme " + DECEMBER + " 3", "globex " + DECEMBER + " 1");
        assertThat(counters.items.get("acme"))
                .extracting(BudgetCounters.SettleItem::holdId, BudgetCounters.SettleItem::costNanos)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(hold, 250_000_000L),
                        org.assertj.core.groups.Tuple.tuple(null, 300_000_000L),
                        org.assertj.core.groups.Tuple.tuple(null, 50_000_000L));
        assertThat(counters.spent).containsEntry("acme", 600_000_000L).containsEntry("globex", 100_000_000L);
        // and the 50 % alert fired once, at the request that crossed it (0.25 -> 0.55)
        assertThat(alerts).containsExactly("acme 50 at 0.55");
    }

    @Test
    void shouldStartAMissingMonthFromTheLedgerAndThenOnlyReleaseTheBatchsHolds() {
        // given: acme's month has no counter; the ledger's sum already holds the batch's rows
        ledgerSums.put("acme", new BigDecimal("0.60"));

        // when
        budgets.settleAll(List.of(settlement("acme", null, "0.10"), settlement("acme", null, "0.50")));

        // then: the counter starts at the ledger's sum, and the second call adds nothing
        assertThat(counters.calls).containsExactly("acme " + DECEMBER + " 2", "acme " + DECEMBER + " 2");
        assertThat(counters.items.get("acme")).allMatch(item -> item.costNanos() == 0);
        assertThat(counters.spent).containsEntry("acme", 600_000_000L);
    }

    private static BudgetService.Settlement settlement(String tenant, String hold, String cost) {
        return new BudgetService.Settlement(tenant, hold, new BigDecimal(cost), T0, true);
    }

    /** Month counters in a map, with each settle call written down; one month, no holds kept. */
    private static final class CountingCounters implements BudgetCounters {

        final Map<String, Long> spent = new HashMap<>();
        final List<String> calls = new ArrayList<>();
        final Map<String, List<SettleItem>> items = new HashMap<>();

        @Override
        public Mono<List<Settled>> settleAll(String tenantId, YearMonth month, List<SettleItem> batch) {
            calls.add(tenantId + " " + month + " " + batch.size());
            items.put(tenantId, List.copyOf(batch));
            if (!spent.containsKey(tenantId)) {
                return Mono.just(List.of(new Settled(0, 0, false)));
            }
            List<Settled> settled = new ArrayList<>();
            for (SettleItem item : batch) {
                long before = spent.get(tenantId);
                spent.put(tenantId, before + item.costNanos());
                settled.add(new Settled(before, before + item.costNanos(), true));
            }
            return Mono.just(settled);
        }

        @Override
        public Mono<Void> initialise(String tenantId, YearMonth month, long spentNanos) {
            return Mono.fromRunnable(() -> spent.putIfAbsent(tenantId, spentNanos));
        }

        @Override
        public Mono<HoldOutcome> hold(
                String tenantId, YearMonth month, String holdId, long amountNanos, long limitNanos, Duration ttl) {
            return Mono.error(new UnsupportedOperationException("not used by settles"));
        }

        @Override
        public Mono<Boolean> release(String tenantId, YearMonth month, String holdId) {
            return Mono.error(new UnsupportedOperationException("not used by settles"));
        }

        @Override
        public Mono<Long> spent(String tenantId, YearMonth month) {
            return Mono.justOrEmpty(spent.get(tenantId));
        }
    }
}
