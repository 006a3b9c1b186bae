package io.aigw.cache.adapter.out.redis;

import io.aigw.cache.application.ExactAnswerStore;
import io.aigw.cache.domain.CachedAnswer;
import io.aigw.cache.domain.ExactKey;
import io.aigw.cache.domain.TenantId;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The exact cache in Redis: one string per entry under {@code aigw:cache:exact:<tenant>:<model>:<sha256>},
 * written with {@code SET … PX} so the TTL is set in the same command. Tenant and model are
 * percent-encoded, so neither a {@code :} nor a glob character in a name can reach another
 * tenant's keys when invalidating with {@code SCAN MATCH}.
 */
public final class RedisExactAnswerStore implements ExactAnswerStore {

    static final String PREFIX = "aigw:cache:exact:";
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
        return removeMatching(tenantPrefix(tenant) + "*");
    }

    @Override
    public long removeModel(TenantId tenant, String model) {
        return removeMatching(tenantPrefix(tenant) + segment(model) + ":*");
    }

    @Override
    public long count(TenantId tenant) {
        return countMatching(tenantPrefix(tenant) + "*");
    }

    @Override
    public long countAll() {
        return countMatching(PREFIX + "*");
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
        return tenantPrefix(key.tenant()) + segment(key.model()) + ":" + key.digest();
    }

    private static String tenantPrefix(TenantId tenant) {
        return PREFIX + segment(tenant.value()) + ":";
    }

    /** Percent-encoding leaves only {@code [A-Za-z0-9._*-]} and {@code %}; the {@code *} is encoded too. */
    static String segment(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8)
                .replace("*", "%2A")
                .replace("+", "%20");
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

    /** {@code v1}, cost (or empty), stored-at epoch millis, then the response JSON: one line each. */
    static String encode(CachedAnswer answer) {
        return "v1\n" + answer.costUsd().map(BigDecimal::toPlainString).orElse("") + "\n"
                + answer.storedAt().toEpochMilli() + "\n" + answer.responseJson();
    }

    static CachedAnswer decode(String value) {
        String[] parts = value.split("\n", 4);
        if (parts.length != 4 || !parts[0].equals("v1")) {
            throw new IllegalStateException("unreadable exact cache entry (format " + parts[0] + ")");
        }
        Optional<BigDecimal> cost = parts[1].isEmpty() ? Optional.empty() : Optional.of(new BigDecimal(parts[1]));
        return new CachedAnswer(parts[3], cost, Instant.ofEpochMilli(Long.parseLong(parts[2])));
    }
}
