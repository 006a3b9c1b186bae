package io.aigw.cache.adapter.out.redis;

import io.aigw.cache.application.ExactAnswerStore;
import io.aigw.cache.domain.CachedAnswer;
import io.aigw.cache.domain.ExactKey;
import io.aigw.cache.domain.TenantId;
import io.aigw.cache.format.ExactCacheKey;
import io.aigw.cache.format.ExactEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The exact cache in Redis: one string per entry under the key {@link ExactCacheKey} derives, in the
 * {@link ExactEntry} format (routing reads the same entries directly), written with {@code SET … PX}
 * so the TTL is set in the same command.
 */
public final class RedisExactAnswerStore implements ExactAnswerStore {

    private static final int SCAN_BATCH = 500;

    private final StringRedisTemplate redis;

    public RedisExactAnswerStore(StringRedisTemplate redis) {
        this.redis = redis;
    }

    @Override
    public Optional<CachedAnswer> find(ExactKey key) {
        return Optional.ofNullable(redis.opsForValue().get(redisKey(key))).map(RedisExactAnswerStore::decode);
    }

    @Override
    public void save(ExactKey key, CachedAnswer answer, Duration ttl) {
        redis.opsForValue().set(redisKey(key), encode(answer), ttl);
    }

    @Override
    public long removeTenant(TenantId tenant) {
        return removeMatching(ExactCacheKey.tenantPattern(tenant.value()));
    }

    @Override
    public long removeModel(TenantId tenant, String model) {
        return removeMatching(ExactCacheKey.modelPattern(tenant.value(), model));
    }

    @Override
    public long count(TenantId tenant) {
        return countMatching(ExactCacheKey.tenantPattern(tenant.value()));
    }

    @Override
    public long countAll() {
        return countMatching(ExactCacheKey.allPattern());
    }

    private long countMatching(String pattern) {
        long count = 0;
        try (Cursor<String> keys = scan(pattern)) {
            while (keys.hasNext()) {
                keys.next();
                count++;
            }
        }
        return count;
    }

    static String redisKey(ExactKey key) {
        return ExactCacheKey.redisKey(key.tenant().value(), key.model(), key.digest());
    }

    private long removeMatching(String pattern) {
        long removed = 0;
        List<String> batch = new ArrayList<>();
        try (Cursor<String> keys = scan(pattern)) {
            while (keys.hasNext()) {
                batch.add(keys.next());
                if (batch.size() == SCAN_BATCH) {
                    removed += unlink(batch);
                }
            }
        }
        return removed + unlink(batch);
    }

    private long unlink(List<String> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        Long removed = redis.unlink(batch);
        batch.clear();
        return removed == null ? 0 : removed;
    }

    private Cursor<String> scan(String pattern) {
        return redis.scan(
                ScanOptions.scanOptions().match(pattern).count(SCAN_BATCH).build());
    }

    static String encode(CachedAnswer answer) {
        return new ExactEntry(answer.responseJson(), answer.costUsd(), answer.storedAt()).encode();
    }

    static CachedAnswer decode(String value) {
        ExactEntry entry = ExactEntry.decode(value);
        return new CachedAnswer(entry.responseJson(), entry.costUsd(), entry.storedAt());
    }
}
