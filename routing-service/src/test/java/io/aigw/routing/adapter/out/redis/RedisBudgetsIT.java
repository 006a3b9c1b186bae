package io.aigw.routing.adapter.out.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aigw.api.budget.BudgetHolds;
import io.aigw.routing.application.Budgets;
import io.aigw.routing.domain.RoutingException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Holds placed with billing's script in a real Redis, against the budget billing published; what
 * the script cannot decide goes to billing (here a recording double of the HTTP port).
 */
class RedisBudgetsIT {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final YearMonth MONTH = YearMonth.of(2026, 12);

    @RegisterExtension
    static final TestRedis REDIS = new TestRedis();

    private final ReactiveStringRedisTemplate redis = REDIS.template();

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<String> askedBilling = new CopyOnWriteArrayList<>();
    private final Budgets billing = (tenant, maxCost) -> {
        askedBilling.add(tenant);
        return Mono.just("h-from-billing");
    };
    private final String tenant = "it-budget-" + UUID.randomUUID().toString().substring(0, 8);

    private RedisBudgets budgets(ReactiveStringRedisTemplate redis) {
        return new RedisBudgets(
                redis,
                billing,
                Duration.ofSeconds(2),
                Duration.ofMinutes(10),
                Clock.fixed(NOW, ZoneOffset.UTC),
                meters,
                Schedulers.parallel());
    }

    /** What billing does: publish the budget, start the month's counter from the ledger's spend. */
    private void billingKnows(String limitNanos, long spentNanos) {
        redis.opsForValue()
                .set(BudgetHolds.limitKey(tenant), limitNanos, Duration.ofMinutes(1))
                .block();
        redis.<String, String>opsForHash()
                .putAll(
                        BudgetHolds.monthKeys(tenant, MONTH).get(0),
                        Map.of("spent", Long.toString(spentNanos), "held", "0"))
                .block();
    }

    private long held() {
        return Long.parseLong(redis.<String, String>opsForHash()
                .get(BudgetHolds.monthKeys(tenant, MONTH).get(0), "held")
                .block());
    }

    @Test
    void shouldHoldTheMaximumCostInRedisWithoutAskingBilling() {
        billingKnows("1000000000", 0);

        String holdId = budgets(redis).hold(tenant, new BigDecimal("0.25")).block();

        assertThat(holdId).matches("h-" + tenant + "-2026-12-[0-9a-f]{32}");
        assertThat(held()).isEqualTo(250_000_000L);
        assertThat(askedBilling).isEmpty();
        assertThat(meters.counter("aigw_budget_holds", "result", "granted").count())
                .isEqualTo(1);
    }

    @Test
    void shouldRefuseWhatTheRemainingBudgetCannotCover() {
        billingKnows("1000000000", 900_000_000L);

        assertThatThrownBy(
                        () -> budgets(redis).hold(tenant, new BigDecimal("0.2")).block())
                .isInstanceOf(RoutingException.QuotaExhausted.class);
        assertThat(held()).isZero();
        assertThat(askedBilling).isEmpty();
    }

    @Test
    void shouldHoldWithoutLimitForATenantWithoutBudget() {
        billingKnows("-1", 5_000_000_000L);

        assertThat(budgets(redis).hold(tenant, new BigDecimal("1000")).block()).startsWith("h-" + tenant);
    }

    @Test
    void shouldAskBillingWhenTheBudgetIsNotPublished() {
        redis.<String, String>opsForHash()
                .putAll(BudgetHolds.monthKeys(tenant, MONTH).get(0), Map.of("spent", "0", "held", "0"))
                .block();

        assertThat(budgets(redis).hold(tenant, BigDecimal.ONE).block()).isEqualTo("h-from-billing");
        assertThat(askedBilling).containsExactly(tenant);
        assertThat(held()).isZero();
    }

    @Test
    void shouldAskBillingWhenTheMonthHasNotStarted() {
        redis.opsForValue()
                .set(BudgetHolds.limitKey(tenant), "1000000000", Duration.ofMinutes(1))
                .block();

        assertThat(budgets(redis).hold(tenant, BigDecimal.ONE).block()).isEqualTo("h-from-billing");
        assertThat(askedBilling).containsExactly(tenant);
    }

    @Test
    void shouldAskBillingForATenantIdBillingCouldNotHave() {
        assertThat(budgets(redis).hold("Not A Tenant", BigDecimal.ONE).block()).isEqualTo("h-from-billing");
    }

    @Test
    void shouldAskBillingWhenRedisIsUnreachable() {
        LettuceConnectionFactory away = TestRedis.unreachable();
        try {
            assertThat(budgets(new ReactiveStringRedisTemplate(away))
                            .hold(tenant, BigDecimal.ONE)
                            .block(Duration.ofSeconds(5)))
                    .isEqualTo("h-from-billing");
        } finally {
            away.destroy();
        }
    }
}
