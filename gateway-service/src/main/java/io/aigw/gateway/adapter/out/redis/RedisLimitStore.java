package io.aigw.gateway.adapter.out.redis;

import io.aigw.api.ClasspathText;
import io.aigw.api.redis.RidingWrites;
import io.aigw.gateway.application.LimitStore;
import io.aigw.gateway.domain.LimitDecision;
import io.aigw.gateway.domain.LimitKind;
import io.aigw.gateway.domain.LimitScope;
import io.aigw.gateway.domain.Plan;
import io.aigw.gateway.domain.ScopeUsage;
import io.aigw.gateway.domain.TenantWindows;
import io.aigw.gateway.domain.UtcDay;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Tenant usage shared by every gateway replica: one Lua script per request checks and charges every
 * scope at once (see {@code redis/reserve-tenant-limits.lua}). Keys carry the tenant as a hash tag,
 * {@code aigw:tenant:{acme}:log}, {@code aigw:tenant:{acme}:key:k1:day:20260101:tokens}, so a Redis
 * Cluster keeps a tenant's scopes in one slot and the script stays a single-slot call.
 *
 * <p>A settlement is not a call of its own: it waits for this replica's next reservation of the same
 * scopes and day, which settles it before it checks (ADR 0010 amendment), or for the flush after
 * about {@code settleLinger} (half of it at least), whichever comes first. Under load that halves
 * the tenant-limit calls per request; the same client's next request through this replica still
 * starts from the settled count. As before, a settlement whose call fails is lost, and the estimate
 * stays charged.
 */
public class RedisLimitStore implements LimitStore, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisLimitStore.class);

    /** The most settlements one call carries; a group this full is sent at once, not kept waiting. */
    static final int MOST_CARRIED = 32;

    /** One request's settlement: from its estimate to the tokens it really used. */
    private record Settle(String id, long estimate, long actual) {}

    private static final long WINDOW_MILLIS = TenantWindows.MINUTE.toMillis();
    private static final int VALUES_PER_SCOPE = 5;

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> RESERVE = RedisScript.of(script("reserve-tenant-limits.lua"), List.class);

    private static final RedisScript<Long> SETTLE = RedisScript.of(script("settle-tenant-tokens.lua"), Long.class);

    private final ReactiveStringRedisTemplate redis;
    private final RidingWrites<Settle> pending = new RidingWrites<>(MOST_CARRIED);
    private Disposable flushing;

    /** A store whose settlements wait for a reservation or {@link #flush}; see {@link #startFlushing}. */
    public RedisLimitStore(ReactiveStringRedisTemplate redis) {
        this.redis = redis;
    }

    /**
     * Sends the settlements no reservation took, until {@link #close}: every half {@code linger},
     * those that have waited at least that half, so none waits much longer than {@code linger} and
     * a next request within the half always carries it in its own script (a settlement sent alone
     * could still be on its way to Redis when that request's script arrives, and the request would
     * not see it).
     */
    public void startFlushing(Duration linger) {
        Duration half = linger.dividedBy(2);
        flushing = Flux.interval(half, half)
                .onBackpressureDrop()
                .concatMap(tick -> send(pending.drain(half)))
                .subscribe();
    }

    /** Sends every settlement still waiting: one call per tenant scope set and day. Never fails. */
    public Mono<Void> flush() {
        return Mono.defer(() -> send(pending.drain()));
    }

    private Mono<Void> send(List<RidingWrites.Batch<Settle>> batches) {
        return Flux.fromIterable(batches)
                .concatMap(batch -> send(batch.keys(), batch.writes()))
                .then();
    }

    /** Stops the flushing and sends what still waits, so that a replica shut down loses none. */
    @Override
    public void close() {
        if (flushing != null) {
            flushing.dispose();
        }
        flush().block(Duration.ofSeconds(1));
    }

    /**
     * Connects and loads the script before the first request needs it: a cold connection takes
     * longer than the request budget, and the first requests would be counted locally for no reason.
     * A Redis that is not there yet is no reason to stop start-up.
     */
    public void warmUp(Duration atMost) {
        try {
            redis.execute(RESERVE, List.of(), List.of(Long.toString(WINDOW_MILLIS), "warm-up", "0", "0"))
                    // with no keys it settles nothing; it is loaded, so a settlement sent alone is one
                    // round trip, not a NOSCRIPT and a second
                    .thenMany(redis.execute(SETTLE, List.of(), List.of()))
                    .then()
                    .block(atMost);
        } catch (RuntimeException notYet) {
            // the fallback covers it; the first successful reservation ends the fallback
        }
    }

    /** A script after the settling head both share. */
    private static String script(String name) {
        return ClasspathText.read(RedisLimitStore.class, "redis/settle-tenant-common.lua") + "\n"
                + ClasspathText.read(RedisLimitStore.class, "redis/" + name);
    }

    static String prefix(LimitScope scope) {
        String tenant = "aigw:tenant:{" + scope.tenantId() + "}:";
        return scope.isKey() ? tenant + "key:" + scope.keyId() + ":" : tenant;
    }

    private static String day(LimitScope scope, UtcDay day, String what) {
        return prefix(scope) + "day:" + day.key() + ":" + what;
    }

    @Override
    public Mono<LimitDecision> reserve(List<LimitScope> scopes, String id, long tokens, Instant now) {
        UtcDay day = UtcDay.of(now);
        Duration dayLeft = Duration.ofMillis(Math.max(1, day.untilEnd(now).toMillis()));
        List<String> keys = new ArrayList<>(scopes.size() * VALUES_PER_SCOPE);
        List<String> args = new ArrayList<>(4 + scopes.size() * 4);
        args.addAll(List.of(
                Long.toString(WINDOW_MILLIS),
                id,
                Long.toString(tokens),
                Long.toString(Math.max(1, dayLeft.toMillis()))));
        for (LimitScope scope : scopes) {
            String p = prefix(scope);
            keys.addAll(List.of(
                    p + "log", p + "amounts", p + "tokens", day(scope, day, "requests"), day(scope, day, "tokens")));
            Plan plan = scope.plan();
            for (LimitKind kind : LimitKind.values()) {
                args.add(Long.toString(plan.limitOf(kind)));
            }
        }
        return Mono.defer(() -> {
            addSettles(args, pending.take(settleKeys(scopes, day)));
            return redis.execute(RESERVE, keys, args).next().map(reply -> decision(reply, scopes, dayLeft));
        });
    }

    private static LimitDecision decision(List<?> reply, List<LimitScope> scopes, Duration dayLeft) {
        List<ScopeUsage> usages = new ArrayList<>(scopes.size());
        for (int s = 0; s < scopes.size(); s++) {
            int at = 4 + s * VALUES_PER_SCOPE;
            usages.add(new ScopeUsage(
                    scopes.get(s).plan(),
                    number(reply, at),
                    number(reply, at + 1),
                    Duration.ofMillis(Math.max(0, number(reply, at + 2))),
                    number(reply, at + 3),
                    number(reply, at + 4)));
        }
        if (number(reply, 0) == 1) {
            return LimitDecision.granted(dayLeft, usages);
        }
        LimitKind kind = LimitKind.values()[(int) number(reply, 1) - 1];
        return LimitDecision.refused(
                kind, (int) number(reply, 2) - 1, Duration.ofMillis(number(reply, 3)), dayLeft, usages);
    }

    private static long number(List<?> reply, int index) {
        return ((Number) reply.get(index)).longValue();
    }

    @Override
    public Mono<Void> settle(List<LimitScope> scopes, String id, UtcDay chargedDay, long estimate, long actual) {
        List<String> keys = settleKeys(scopes, chargedDay);
        return Mono.defer(() ->
                pending.add(keys, new Settle(id, estimate, actual)) ? send(keys, pending.take(keys)) : Mono.empty());
    }

    /** Per scope: the amounts, the minute tokens and the day tokens (what a settlement changes). */
    private static List<String> settleKeys(List<LimitScope> scopes, UtcDay day) {
        List<String> keys = new ArrayList<>(scopes.size() * 3);
        for (LimitScope scope : scopes) {
            String p = prefix(scope);
            keys.addAll(List.of(p + "amounts", p + "tokens", day(scope, day, "tokens")));
        }
        return keys;
    }

    private Mono<Void> send(List<String> keys, List<Settle> settles) {
        if (settles.isEmpty()) {
            return Mono.empty();
        }
        List<String> args = new ArrayList<>(settles.size() * 3);
        addSettles(args, settles);
        return redis.execute(SETTLE, keys, args).then().onErrorResume(error -> {
            log.debug("tenant limits: {} settlements lost: {}", settles.size(), error.toString());
            return Mono.empty();
        });
    }

    private static void addSettles(List<String> args, List<Settle> settles) {
        for (Settle settle : settles) {
            args.add(settle.id());
            args.add(Long.toString(settle.estimate()));
            args.add(Long.toString(settle.actual()));
        }
    }
}
