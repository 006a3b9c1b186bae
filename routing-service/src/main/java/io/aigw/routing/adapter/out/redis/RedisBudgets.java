package io.aigw.routing.adapter.out.redis;

import io.aigw.api.budget.BudgetHolds;
import io.aigw.routing.application.Budgets;
import io.aigw.routing.domain.RoutingException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Budget holds placed by routing itself, with billing's own hold script in the Redis both share
 * (ADR 0022, amendment of 2026-12): one script call on the request path instead of an HTTP call to
 * billing, which cost more CPU than the rest of the budget check together. The script reads the
 * tenant's budget where billing published it; when it is not published (expired, withdrawn after a
 * change, a tenant billing has not seen yet) or the month's counter does not exist yet, the hold is
 * asked of billing over HTTP, which publishes and initialises them for the next requests. Redis away
 * or slow: asked of billing too, which fails open on its own.
 *
 * <p>Counts the holds it settles itself in {@code aigw_budget_holds_total{result}} (billing counts the
 * ones it is asked for), so summed over services each hold is counted once.
 */
public final class RedisBudgets implements Budgets {

    private static final Logger log = LoggerFactory.getLogger(RedisBudgets.class);

    /** Month keys outlive their month by a month (billing's {@code RedisBudgetCounters} alike). */
    static final Duration KEY_TTL = Duration.ofDays(62);

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> HOLD = RedisScript.of(BudgetHolds.script("budget-hold.lua"), List.class);

    private static final long ASK_BILLING = Long.MIN_VALUE;

    private final ReactiveStringRedisTemplate redis;
    private final Scheduler timers;
    private final Budgets billing;
    private final Duration timeout;
    private final Duration holdTtl;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Counter granted;
    private final Counter refused;
    private final Counter delegated;

    /**
     * @param billing the holds over billing's HTTP API, for what this cannot decide
     * @param timeout the longest the script may take before billing is asked instead
     * @param holdTtl an unsettled hold is released after this (a replica died mid-request)
     */
    public RedisBudgets(
            ReactiveStringRedisTemplate redis,
            Budgets billing,
            Duration timeout,
            Duration holdTtl,
            Clock clock,
            MeterRegistry meters,
            Scheduler timers) {
        this.timers = timers;
        this.redis = redis;
        this.billing = billing;
        this.timeout = timeout;
        this.holdTtl = holdTtl;
        this.clock = clock;
        this.granted = holds(meters, "granted");
        this.refused = holds(meters, "refused");
        this.delegated = Counter.builder("aigw_budget_holds_delegated")
                .description("Budget holds routing asked billing for: budget not published, month not started,"
                        + " or Redis unavailable")
                .register(meters);
    }

    private static Counter holds(MeterRegistry meters, String result) {
        return Counter.builder("aigw_budget_holds")
                .description("Budget holds by result")
                .tag("result", result)
                .register(meters);
    }

    @Override
    public Mono<String> hold(String tenant, BigDecimal maxCost) {
        if (tenant == null || !BudgetHolds.TENANT.matcher(tenant).matches() || maxCost.signum() < 0) {
            return delegate(tenant, maxCost);
        }
        YearMonth month = BudgetHolds.monthOf(clock.instant());
        byte[] unique = new byte[16];
        random.nextBytes(unique);
        String holdId = BudgetHolds.holdId(tenant, month, unique);
        long amount;
        try {
            amount = BudgetHolds.nanos(maxCost);
        } catch (ArithmeticException tooLarge) {
            return delegate(tenant, maxCost);
        }
        List<String> keys = new ArrayList<>(BudgetHolds.monthKeys(tenant, month));
        keys.add(BudgetHolds.limitKey(tenant));
        List<String> args = List.of(
                holdId,
                Long.toString(amount),
                Long.toString(holdTtl.toMillis()),
                BudgetHolds.LOOKUP_LIMIT,
                Long.toString(KEY_TTL.toMillis()));
        return redis.execute(HOLD, keys, args)
                .next()
                .map(reply -> ((Number) ((List<?>) reply).get(0)).longValue())
                .timeout(timeout, timers)
                .onErrorResume(error -> {
                    log.debug("budget hold script failed, asking billing: {}", error.toString());
                    return Mono.just(ASK_BILLING);
                })
                .flatMap(status -> {
                    if (status == BudgetHolds.GRANTED) {
                        granted.increment();
                        return Mono.just(holdId);
                    }
                    if (status == BudgetHolds.REFUSED) {
                        refused.increment();
                        return Mono.error(new RoutingException.QuotaExhausted("Your budget for this month cannot"
                                + " cover this request (up to " + maxCost.toPlainString() + " USD)."));
                    }
                    return delegate(tenant, maxCost);
                });
    }

    private Mono<String> delegate(String tenant, BigDecimal maxCost) {
        delegated.increment();
        return billing.hold(tenant, maxCost);
    }
}
