package io.aigw.routing.adapter.out.redis;

import io.aigw.api.ClasspathText;
import io.aigw.routing.application.learned.FeedbackEntry;
import io.aigw.routing.application.learned.FeedbackStore;
import io.aigw.routing.domain.learned.FeedbackRetention;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A tenant's feedback as one Redis hash ({@code <prefix><tenant>}), a field per request id holding
 * JSON: model, tier, score, when it was given, the prompt's length and the embedding as base64 little-endian float32 (1.5 KB
 * for 384 dimensions), and a sorted set {@code <prefix><tenant>:at} of the request ids by that time. A
 * second feedback on the same request replaces the first. Each save applies the {@link
 * FeedbackRetention} in the same script ({@code redis/save-feedback.lua}): entries older than the
 * maximum age go, then the oldest beyond the maximum count; both keys expire once the newest entry is
 * too old.
 */
public final class RedisFeedbackStore implements FeedbackStore {

    private static final RedisScript<Long> SAVE =
            RedisScript.of(ClasspathText.read(RedisFeedbackStore.class, "redis/save-feedback.lua"), Long.class);

    private final ReactiveStringRedisTemplate redis;
    private final JsonMapper json;
    private final String prefix;
    private final FeedbackRetention retention;

    public RedisFeedbackStore(
            ReactiveStringRedisTemplate redis, JsonMapper json, String prefix, FeedbackRetention retention) {
        this.redis = redis;
        this.json = json;
        this.prefix = prefix;
        this.retention = retention;
    }

    @Override
    public Mono<Void> save(String tenant, FeedbackEntry entry) {
        ObjectNode node = json.createObjectNode();
        node.put("model", entry.model());
        node.put("tier", entry.tier());
        node.put("score", entry.score());
        node.put("at", entry.at().toEpochMilli());
        node.put("chars", entry.promptChars());
        node.put("embedding", encode(entry.embedding()));
        return redis.execute(
                        SAVE,
                        List.of(prefix + tenant, prefix + tenant + ":at"),
                        List.of(
                                entry.requestId(),
                                json.writeValueAsString(node),
                                Long.toString(entry.at().toEpochMilli()),
                                Long.toString(retention.maxAge().toMillis()),
                                Integer.toString(retention.maxPerTenant())))
                .then();
    }

    @Override
    public Flux<FeedbackEntry> load(String tenant) {
        return redis.<String, String>opsForHash().entries(prefix + tenant).map(field -> {
            JsonNode node = json.readTree(field.getValue());
            return new FeedbackEntry(
                    field.getKey(),
                    node.path("model").asString(""),
                    node.path("tier").asInt(),
                    node.path("score").asDouble(),
                    decode(node.path("embedding").asString("")),
                    node.path("chars").asInt(0),
                    // an entry without a time is from before the bounds: as old as can be, so it ages out
                    Instant.ofEpochMilli(node.path("at").asLong(0)));
        });
    }

    static String encode(float[] vector) {
        ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : vector) {
            bytes.putFloat(v);
        }
        return Base64.getEncoder().encodeToString(bytes.array());
    }

    static float[] decode(String base64) {
        ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(base64)).order(ByteOrder.LITTLE_ENDIAN);
        float[] vector = new float[bytes.remaining() / Float.BYTES];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = bytes.getFloat();
        }
        return vector;
    }
}
