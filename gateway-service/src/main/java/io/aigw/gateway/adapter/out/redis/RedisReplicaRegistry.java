package io.aigw.gateway.adapter.out.redis;

import io.aigw.api.ClasspathText;
import io.aigw.gateway.application.ReplicaCount;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Counts the live gateway replicas: each one refreshes its entry in a sorted set every {@code every};
 * entries older than three beats are gone. The last count seen survives a Redis outage, which is
 * exactly when the local fallback needs it.
 */
public class RedisReplicaRegistry implements ReplicaCount, AutoCloseable {

    static final String KEY = "aigw:replicas:gateway";

    private static final RedisScript<Long> BEAT =
            RedisScript.of(ClasspathText.read(RedisReplicaRegistry.class, "redis/replica-beat.lua"), Long.class);

    private final ReactiveStringRedisTemplate redis;
    private final Duration every;
    private final String self = UUID.randomUUID().toString();
    private final AtomicInteger known = new AtomicInteger(1);
    private Disposable beat;

    public RedisReplicaRegistry(ReactiveStringRedisTemplate redis, Duration every) {
        this.redis = redis;
        this.every = every;
    }

    public void start() {
        beat = Flux.interval(Duration.ZERO, every)
                .onBackpressureDrop()
                .concatMap(tick -> beat().onErrorResume(e -> Mono.empty()))
                .subscribe(count -> known.set((int) Math.max(1, count)));
    }

    private Mono<Long> beat() {
        return redis.execute(
                        BEAT,
                        List.of(KEY),
                        List.of(self, Long.toString(every.multipliedBy(3).toMillis())))
                .next()
                .timeout(every);
    }

    @Override
    public int known() {
        return known.get();
    }

    @Override
    public void close() {
        if (beat != null) {
            beat.dispose();
        }
        redis.opsForZSet().remove(KEY, self).onErrorResume(e -> Mono.empty()).block(Duration.ofSeconds(1));
    }
}
