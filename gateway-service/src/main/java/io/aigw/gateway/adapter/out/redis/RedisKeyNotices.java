package io.aigw.gateway.adapter.out.redis;

import io.aigw.gateway.application.RememberedKeys;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.util.retry.Retry;

/**
 * Billing's key notices (ADR 0023): the hash of a revoked key on {@value #REVOKED_CHANNEL}, of a key
 * whose tenant or plan changed on {@value #CHANGED_CHANNEL}; the replica forgets its remembered
 * copy. Every (re)subscription first forgets everything, since notices sent while it was down are
 * lost. A Redis that is away delays nothing beyond the memory's short TTL.
 */
public class RedisKeyNotices implements AutoCloseable {

    public static final String REVOKED_CHANNEL = "aigw:keys:revoked";
    public static final String CHANGED_CHANNEL = "aigw:keys:changed";

    private static final Logger log = LoggerFactory.getLogger(RedisKeyNotices.class);

    private final ReactiveStringRedisTemplate redis;
    private final RememberedKeys remembered;
    private Disposable listening;

    public RedisKeyNotices(ReactiveStringRedisTemplate redis, RememberedKeys remembered) {
        this.redis = redis;
        this.remembered = remembered;
    }

    public synchronized void start() {
        // deferred: subscribing connects at once, and a Redis that is not there must not stop start-up
        listening = Flux.defer(() -> {
                    remembered.forgetAll();
                    return redis.listenToChannel(REVOKED_CHANNEL, CHANGED_CHANNEL);
                })
                .doOnNext(notice -> remembered.forget(notice.getMessage()))
                .doOnError(error -> {
                    remembered.forgetAll();
                    log.debug("key notices interrupted, listening again: {}", error.toString());
                })
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1)).maxBackoff(Duration.ofSeconds(30)))
                .subscribe();
    }

    @Override
    public synchronized void close() {
        if (listening != null) {
            listening.dispose();
        }
    }
}
