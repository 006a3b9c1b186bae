package io.aigw.routing.adapter.out.redis;

import io.aigw.api.ClasspathText;
import io.aigw.api.redis.RidingWrites;
import io.aigw.routing.application.CapacityStore;
import io.aigw.routing.domain.CapacityScope;
import java.time.Duration;
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
 * Provider capacity shared by every routing replica: one Lua script per reservation checks and takes
 * the request and token budget of all scopes at once (see {@code redis/reserve-capacity.lua}). Keys
 * carry the provider id as a hash tag, {@code aigw:cap:{openai}:provider:log}, so a Redis Cluster
 * keeps all of one provider's scopes in one slot and the script stays a single-slot call.
 *
 * <p>A settlement or release is not a call of its own: it waits for this replica's next reservation
 * of the same scopes, which applies it before it checks (ADR 0007 amendment), or for the flush after
 * about {@code settleLinger} (half of it at least), whichever comes first. As before, one whose
 * call fails is lost: the reservation then counts its estimate until it leaves the window.
 */
public class RedisCapacityStore implements CapacityStore, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisCapacityStore.class);

    /** The most settlements one call carries; a group this full is sent at once, not kept waiting. */
    static final int MOST_CARRIED = 32;

    /** A reservation's settlement to its real tokens, or its release ({@code tokens} "release"). */
    private record Adjustment(String id, String tokens) {}

    static final Duration WINDOW = Duration.ofMinutes(1);

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> RESERVE = RedisScript.of(adjusting("reserve-capacity.lua"), List.class);

    private static final RedisScript<Long> ADJUST = RedisScript.of(adjusting("adjust-capacity.lua"), Long.class);

    private static final RedisScript<Long> BLOCK =
            RedisScript.of(ClasspathText.read(RedisCapacityStore.class, "redis/block-capacity.lua"), Long.class);

    private final ReactiveStringRedisTemplate redis;
    private final Duration window;
    private final RidingWrites<Adjustment> pending = new RidingWrites<>(MOST_CARRIED);
    private Disposable flushing;

    public RedisCapacityStore(ReactiveStringRedisTemplate redis) {
        this(redis, WINDOW);
    }

    /**
     * @param window the sliding window counted in: the provider's minute, plus a margin that covers the
     *     moment between our reservation and the provider's own count of the call
     */
    public RedisCapacityStore(ReactiveStringRedisTemplate redis, Duration window) {
        this.redis = redis;
        this.window = window;
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

    /** Sends every settlement and release still waiting: one call per scope set. Never fails. */
    public Mono<Void> flush() {
        return Mono.defer(() -> send(pending.drain()));
    }

    private Mono<Void> send(List<RidingWrites.Batch<Adjustment>> batches) {
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

    /** A script after the head that applies settlements and releases, which both share. */
    private static String adjusting(String name) {
        return ClasspathText.read(RedisCapacityStore.class, "redis/adjust-capacity-common.lua") + "\n"
                + ClasspathText.read(RedisCapacityStore.class, "redis/" + name);
    }

    /**
     * Connects and loads the scripts before the first request needs them: a cold connection takes
     * longer than the reservation budget, and the first requests would count locally for no reason.
     * A Redis that is not there yet is no reason to stop start-up.
     */
    public void warmUp(Duration atMost) {
        try {
            redis.execute(RESERVE, List.of(), List.of(Long.toString(WINDOW.toMillis()), "warm-up", "0"))
                    // with no keys it adjusts nothing; it is loaded, so an adjustment sent alone is one
                    // round trip, not a NOSCRIPT and a second
                    .thenMany(redis.execute(ADJUST, List.of(), List.of()))
                    .then()
                    .block(atMost);
        } catch (RuntimeException notYet) {
            // the fallback covers it; the first successful reservation ends the fallback
        }
    }

    static String prefix(CapacityScope scope) {
        return "aigw:cap:{" + scope.provider() + "}:" + scope.name() + ":";
    }

    @Override
    public Mono<Decision> reserve(List<CapacityScope> scopes, String id, long tokens) {
        List<String> keys = new ArrayList<>(scopes.size() * 4);
        List<String> args = new ArrayList<>(3 + scopes.size() * 2);
        args.add(Long.toString(window.toMillis()));
        args.add(id);
        args.add(Long.toString(tokens));
        for (CapacityScope scope : scopes) {
            String p = prefix(scope);
            keys.addAll(List.of(p + "log", p + "amounts", p + "tokens", p + "blocked"));
            args.add(Long.toString(scope.limit().requestsPerMinute()));
            args.add(Long.toString(scope.limit().tokensPerMinute()));
        }
        return Mono.defer(() -> {
            addAdjustments(args, pending.take(adjustKeys(scopes)));
            return redis.execute(RESERVE, keys, args).next().map(RedisCapacityStore::decision);
        });
    }

    private static Decision decision(List<?> reply) {
        long granted = ((Number) reply.get(0)).longValue();
        long waitMillis = ((Number) reply.get(1)).longValue();
        List<InUse> inUse = new ArrayList<>();
        for (int i = 2; i + 1 < reply.size(); i += 2) {
            inUse.add(new InUse(((Number) reply.get(i)).longValue(), ((Number) reply.get(i + 1)).longValue()));
        }
        Decision decision = granted == 1 ? Decision.GRANTED : Decision.refused(Duration.ofMillis(waitMillis));
        return decision.with(inUse);
    }

    @Override
    public Mono<Void> settle(List<CapacityScope> scopes, String id, long tokens) {
        return adjust(scopes, id, Long.toString(tokens));
    }

    @Override
    public Mono<Void> release(List<CapacityScope> scopes, String id) {
        return adjust(scopes, id, "release");
    }

    private Mono<Void> adjust(List<CapacityScope> scopes, String id, String tokens) {
        List<String> keys = adjustKeys(scopes);
        return Mono.defer(
                () -> pending.add(keys, new Adjustment(id, tokens)) ? send(keys, pending.take(keys)) : Mono.empty());
    }

    /** Per scope: the log, the amounts and the total (what a settlement or release changes). */
    private static List<String> adjustKeys(List<CapacityScope> scopes) {
        List<String> keys = new ArrayList<>(scopes.size() * 3);
        for (CapacityScope scope : scopes) {
            String p = prefix(scope);
            keys.addAll(List.of(p + "log", p + "amounts", p + "tokens"));
        }
        return keys;
    }

    private Mono<Void> send(List<String> keys, List<Adjustment> adjustments) {
        if (adjustments.isEmpty()) {
            return Mono.empty();
        }
        List<String> args = new ArrayList<>(adjustments.size() * 2);
        addAdjustments(args, adjustments);
        return redis.execute(ADJUST, keys, args).then().onErrorResume(error -> {
            log.debug("provider limits: {} settlements lost: {}", adjustments.size(), error.toString());
            return Mono.empty();
        });
    }

    private static void addAdjustments(List<String> args, List<Adjustment> adjustments) {
        for (Adjustment adjustment : adjustments) {
            args.add(adjustment.id());
            args.add(adjustment.tokens());
        }
    }

    @Override
    public Mono<Void> block(List<CapacityScope> scopes, Duration wait) {
        List<String> keys =
                scopes.stream().map(scope -> prefix(scope) + "blocked").toList();
        return redis.execute(BLOCK, keys, List.of(Long.toString(Math.max(1, wait.toMillis()))))
                .then();
    }
}
