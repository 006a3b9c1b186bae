package io.aigw.bench.cache.adapter.out.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.ArrayList;
import java.util.List;

/**
 * The Redis part of an exact hit on its own: {@code GET} of the exact-cache keys cache-service wrote,
 * timed one round trip at a time over one connection (the driver cache-service's template uses).
 */
public final class LettuceGetTiming {

    private LettuceGetTiming() {}

    /** Nanoseconds of {@code measured} GETs (after {@code warmUp}) cycling over the keys matching {@code pattern}. */
    public static long[] time(String redisUrl, String pattern, int warmUp, int measured) {
        RedisClient client = RedisClient.create(redisUrl);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            RedisCommands<String, String> redis = connection.sync();
            List<String> keys = new ArrayList<>();
            ScanIterator.scan(redis, ScanArgs.Builder.matches(pattern).limit(500))
                    .forEachRemaining(keys::add);
            if (keys.isEmpty()) {
                throw new IllegalStateException("no Redis keys match " + pattern);
            }
            long[] nanos = new long[measured];
            for (int i = -warmUp; i < measured; i++) {
                String key = keys.get(Math.floorMod(i, keys.size()));
                long started = System.nanoTime();
                String value = redis.get(key);
                long took = System.nanoTime() - started;
                if (value == null) {
                    throw new IllegalStateException("exact-cache key vanished: " + key);
                }
                if (i >= 0) {
                    nanos[i] = took;
                }
            }
            return nanos;
        } finally {
            client.shutdown();
        }
    }
}
