package io.aigw.billing.adapter.out.redis;

import io.aigw.billing.application.KeyInvalidations;
import java.time.Duration;
import java.util.Collection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Billing's half of the gateway key cache (ADR 0023): the gateway caches a resolved key under
 * {@code aigw:key:<sha256>} (written with {@code NX}); billing overwrites a revoked key's entry with a
 * {@value #REVOKED} tombstone, deletes a changed key's entry, and publishes the hash so replicas drop
 * their in-process copies.
 *
 * <p>Fails open with a warning: the database is the truth and has changed already, and every cached
 * copy expires within the cache TTL, which bounds how long a revoked key can still pass.
 */
public class RedisKeyInvalidations implements KeyInvalidations {

    /** Prefix of the gateway's cache entries; the rest is the key's lower-case hex SHA-256. */
    public static final String CACHE_PREFIX = "aigw:key:";
    /** Channel of revoked keys' hashes. */
    public static final String REVOKED_CHANNEL = "aigw:keys:revoked";
    /** Channel of hashes whose tenant or plan changed. */
    public static final String CHANGED_CHANNEL = "aigw:keys:changed";
    /** The value of a revoked key's cache entry. */
    public static final String REVOKED = "revoked";

    private static final Logger log = LoggerFactory.getLogger(RedisKeyInvalidations.class);

    private final ReactiveStringRedisTemplate redis;
    private final Duration tombstoneTtl;

    /** @param tombstoneTtl at least the gateway's cache TTL, so no stale answer can be cached after */
    public RedisKeyInvalidations(ReactiveStringRedisTemplate redis, Duration tombstoneTtl) {
        this.redis = redis;
        this.tombstoneTtl = tombstoneTtl;
    }

    @Override
    public Mono<Void> revoked(String keyHash) {
        return redis.opsForValue()
                .set(CACHE_PREFIX + keyHash, REVOKED, tombstoneTtl)
                .then(redis.convertAndSend(REVOKED_CHANNEL, keyHash))
                .then()
                .onErrorResume(e -> warn("revoked key", e));
    }

    @Override
    public Mono<Void> changed(Collection<String> keyHashes) {
        if (keyHashes.isEmpty()) {
            return Mono.empty();
        }
        return redis.delete(Flux.fromIterable(keyHashes).map(hash -> CACHE_PREFIX + hash))
                .thenMany(Flux.fromIterable(keyHashes).concatMap(hash -> redis.convertAndSend(CHANGED_CHANNEL, hash)))
                .then()
                .onErrorResume(e -> warn(keyHashes.size() + " changed key(s)", e));
    }

    private Mono<Void> warn(String what, Throwable e) {
        log.warn(
                "Could not tell the gateways about a {} ({}); their cached copies expire within {}",
                what,
                e.toString(),
                tombstoneTtl);
        return Mono.empty();
    }
}
