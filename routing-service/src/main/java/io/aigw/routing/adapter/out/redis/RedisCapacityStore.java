package io.aigw.routing.adapter.out.redis;

import io.aigw.api.ClasspathText;
import io.aigw.routing.application.CapacityStore;
import io.aigw.routing.domain.CapacityScope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;

/**
 * Provider capacity shared by every routing replica: one Lua script per reservation checks and takes
 * the request and token budget of all scopes at once (see {@code redis/reserve-capacity.lua}). Keys
 * carry the provider id as a hash tag, {@code aigw:cap:{openai}:provider:log}, so a Redis Cluster
 * keeps all of one provider's scopes in one slot and the script stays a single-slot call.
 */
public class RedisCapacityStore implements CapacityStore {

    static final Duration WINDOW = Duration.ofMinutes(1);

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> RESERVE =
            RedisScript.of(ClasspathText.read(RedisCapacityStore.class, "redis/reserve-capacity.lua"), List.class);

    private static final RedisScript<Long> ADJUST =
            RedisScript.of(ClasspathText.read(RedisCapacityStore.class, "redis/adjust-capacity.lua"), Long.class);

    private static final RedisScript<Long> BLOCK =
            RedisScript.of(ClasspathText.read(RedisCapacityStore.class, "redis/block-capacity.lua"), Long.class);

    private final ReactiveStringRedisTemplate redis;
    private final Duration window;

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
     * Connects and loads the scripts before the first request needs them: a cold connection takes
     * longer than the reservation budget, and the first requests would count locally for no reason.
     * A Redis that is not there yet is no reason to stop start-up.
     */
    public void warmUp(Duration atMost) {
        try {
            redis.execute(RESERVE, List.of(), List.of(Long.toString(WINDOW.toMillis()), "warm-up", "0"))
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
        return redis.execute(RESERVE, keys, args).next().map(RedisCapacityStore::decision);
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
        List<String> keys = new ArrayList<>(scopes.size() * 3);
        for (CapacityScope scope : scopes) {
            String p = prefix(scope);
            keys.addAll(List.of(p + "log", p + "amounts", p + "tokens"));
        }
        return redis.execute(ADJUST, keys, List.of(id, tokens)).then();
    }

    @Override
    public Mono<Void> block(List<CapacityScope> scopes, Duration wait) {
        List<String> keys =
                scopes.stream().map(scope -> prefix(scope) + "blocked").toList();
        return redis.execute(BLOCK, keys, List.of(Long.toString(Math.max(1, wait.toMillis()))))
                .then();
    }
}
