package io.aigw.billing.adapter.out.redis;

import io.aigw.api.budget.BudgetHolds;
import io.aigw.billing.application.BudgetCounters;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;

/**
 * The month counters as Redis hashes changed only by Lua scripts, so that every check-and-take is
 * atomic across billing replicas (see {@code io/aigw/api/budget/budget-*.lua} in api-types, ADR 0022). Keys carry the tenant as
 * a hash tag, {@code aigw:budget:{acme}:2026-11}, so a Redis Cluster keeps one tenant's keys in one
 * slot and every script stays a single-slot call.
 */
public class RedisBudgetCounters implements BudgetCounters {

    /** Month keys outlive their month by a month, then expire on their own. */
    static final Duration KEY_TTL = Duration.ofDays(62);

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> HOLD = script("budget-hold.lua", List.class);

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> SETTLE_ALL = script("budget-settle-all.lua", List.class);

    private static final RedisScript<Long> RELEASE = script("budget-release.lua", Long.class);
    private static final RedisScript<Long> INIT = script("budget-init.lua", Long.class);

    private final ReactiveStringRedisTemplate redis;

    public RedisBudgetCounters(ReactiveStringRedisTemplate redis) {
        this.redis = redis;
    }

    /** The three keys of one tenant's month: the counter hash, the holds hash, the hold deadlines. */
    static List<String> keys(String tenantId, YearMonth month) {
        return BudgetHolds.monthKeys(tenantId, month);
    }

    @Override
    public Mono<HoldOutcome> hold(
            String tenantId, YearMonth month, String holdId, long amountNanos, long limitNanos, Duration ttl) {
        return redis.execute(
                        HOLD,
                        keys(tenantId, month),
                        List.of(
                                holdId,
                                Long.toString(amountNanos),
                                Long.toString(ttl.toMillis()),
                                Long.toString(limitNanos < 0 ? -1 : limitNanos),
                                Long.toString(KEY_TTL.toMillis())))
                .next()
                .map(reply -> {
                    long status = number(reply, 0);
                    long remaining = number(reply, 1);
                    if (status == -2) {
                        return new HoldOutcome.Uninitialised();
                    }
                    return status == 1 ? new HoldOutcome.Granted(remaining) : new HoldOutcome.Refused(remaining);
                });
    }

    @Override
    public Mono<List<Settled>> settleAll(String tenantId, YearMonth month, List<SettleItem> items) {
        List<String> args = new ArrayList<>(1 + 3 * items.size());
        args.add(Long.toString(KEY_TTL.toMillis()));
        for (SettleItem item : items) {
            args.add(item.holdId() == null ? "" : item.holdId());
            args.add(Long.toString(item.costNanos()));
            args.add(item.countIfUnknown() ? "1" : "0");
        }
        return redis.execute(SETTLE_ALL, keys(tenantId, month), args).next().map(reply -> {
            if (number(reply, 0) == BudgetHolds.UNINITIALISED) {
                return List.of(new Settled(0, 0, false));
            }
            List<Settled> settled = new ArrayList<>(items.size());
            for (int i = 0; i + 1 < reply.size(); i += 2) {
                settled.add(new Settled(number(reply, i), number(reply, i + 1), true));
            }
            return settled;
        });
    }

    @Override
    public Mono<Boolean> release(String tenantId, YearMonth month, String holdId) {
        return redis.execute(RELEASE, keys(tenantId, month), List.of(holdId))
                .next()
                .map(released -> released == 1L);
    }

    @Override
    public Mono<Long> spent(String tenantId, YearMonth month) {
        return redis.<String, String>opsForHash()
                .get(keys(tenantId, month).get(0), "spent")
                .map(Long::parseLong);
    }

    @Override
    public Mono<Void> initialise(String tenantId, YearMonth month, long spentNanos) {
        return redis.execute(
                        INIT,
                        keys(tenantId, month),
                        List.of(Long.toString(spentNanos), Long.toString(KEY_TTL.toMillis())))
                .then();
    }

    private static long number(List<?> reply, int index) {
        return ((Number) reply.get(index)).longValue();
    }

    private static <T> RedisScript<T> script(String name, Class<T> type) {
        return RedisScript.of(BudgetHolds.script(name), type);
    }
}
