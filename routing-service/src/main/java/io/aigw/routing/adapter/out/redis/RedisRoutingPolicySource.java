package io.aigw.routing.adapter.out.redis;

import io.aigw.api.policy.RoutingPolicy;
import io.aigw.routing.application.RoutingPolicies;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps {@link RoutingPolicies} up to date from Redis: the policy is read from {@value
 * RoutingPolicy#KEY} when a change is announced on {@value RoutingPolicy#CHANNEL} (within a second of
 * the scaler's write), and every {@code pollEvery} in case a notice was missed while disconnected. A
 * Redis that is away changes nothing: the last good policy stays in force.
 */
public class RedisRoutingPolicySource implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisRoutingPolicySource.class);

    private final ReactiveStringRedisTemplate redis;
    private final JsonMapper json;
    private final RoutingPolicies policies;
    private final Duration pollEvery;
    private final String key;
    private final String channel;
    private final Disposable.Composite running = Disposables.composite();

    public RedisRoutingPolicySource(
            ReactiveStringRedisTemplate redis,
            JsonMapper json,
            RoutingPolicies policies,
            Duration pollEvery,
            String key,
            String channel) {
        this.key = key;
        this.channel = channel;
        this.redis = redis;
        this.json = json;
        this.policies = policies;
        this.pollEvery = pollEvery;
    }

    public void start() {
        // deferred: subscribing connects at once, and a Redis that is not there must not stop start-up
        running.add(Flux.defer(() -> redis.listenToChannel(channel))
                .concatMap(notice -> read())
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1)).maxBackoff(Duration.ofSeconds(30)))
                .subscribe());
        running.add(Flux.interval(Duration.ZERO, pollEvery)
                .onBackpressureDrop()
                .concatMap(tick -> read())
                .subscribe());
    }

    /** Reads and offers the stored policy; an unreadable one is logged and ignored. */
    private Mono<Boolean> read() {
        return redis.opsForValue()
                .get(key)
                .map(text -> json.readValue(text, RoutingPolicy.class))
                .map(policies::offer)
                .timeout(Duration.ofSeconds(2))
                .onErrorResume(error -> {
                    log.debug(
                            "routing policy not read, keeping v{}: {}",
                            policies.current().version(),
                            error.toString());
                    return Mono.empty();
                });
    }

    @Override
    public void close() {
        running.dispose();
    }
}
