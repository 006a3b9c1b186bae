package io.aigw.bench.cache.adapter.out.redis;

import io.aigw.cache.format.ExactCacheKey;
import io.aigw.cache.format.ExactEntry;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an exact hit costs routing since it reads the exact layer itself ({@code
 * RedisExactResponseCache}): the key derived from the parsed request ({@code ExactCacheKey}: canonical
 * JSON, SHA-256), one Redis {@code GET} over Lettuce, the entry decoded and its answer parsed — the
 * same cache-format code, timed one hit at a time over one connection. Only the Reactor glue of the
 * service's reactive template is not in it.
 */
public final class RoutingExactReadTiming {

    private RoutingExactReadTiming() {}

    /**
     * Nanoseconds of {@code measured} reads (after {@code warmUp}) cycling over {@code requests}, each of
     * which must have an entry under {@code tenant}.
     */
    public static long[] time(String redisUrl, String tenant, List<String> requests, int warmUp, int measured) {
        JsonMapper json = JsonMapper.builder().build();
        // routing holds the request parsed already: parse outside the timing
        List<JsonNode> parsed = requests.stream().map(json::readTree).toList();
        RedisClient client = RedisClient.create(redisUrl);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            RedisCommands<String, String> redis = connection.sync();
            long[] nanos = new long[measured];
            for (int i = -warmUp; i < measured; i++) {
                JsonNode request = parsed.get(Math.floorMod(i, parsed.size()));
                long started = System.nanoTime();
                String value = redis.get(ExactCacheKey.of(tenant, request));
                if (value == null) {
                    throw new IllegalStateException(
                            "no exact-cache entry for request " + Math.floorMod(i, parsed.size()));
                }
                JsonNode answer = json.readTree(ExactEntry.decode(value).responseJson());
                long took = System.nanoTime() - started;
                if (!answer.path("choices").isArray()) {
                    throw new IllegalStateException("exact-cache entry without choices");
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
