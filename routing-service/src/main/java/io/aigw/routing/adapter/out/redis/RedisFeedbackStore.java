package io.aigw.routing.adapter.out.redis;

import io.aigw.routing.application.learned.FeedbackEntry;
import io.aigw.routing.application.learned.FeedbackStore;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A tenant's feedback as one Redis hash ({@code <prefix><tenant>}), a field per request id holding
 * JSON: model, tier, score and the embedding as base64 little-endian float32 (1.5 KB for 384
 * dimensions). A second feedback on the same request replaces the first.
 */
public final class RedisFeedbackStore implements FeedbackStore {

    private final ReactiveStringRedisTemplate redis;
    private final JsonMapper json;
    private final String prefix;

    public RedisFeedbackStore(ReactiveStringRedisTemplate redis, JsonMapper json, String prefix) {
        this.redis = redis;
        this.json = json;
        this.prefix = prefix;
    }

    @Override
    public Mono<Void> save(String tenant, FeedbackEntry entry) {
        ObjectNode node = json.createObjectNode();
        node.put("model", entry.model());
        node.put("tier", entry.tier());
        node.put("score", entry.score());
        node.put("embedding", encode(entry.embedding()));
        return redis.<String, String>opsForHash()
                .put(prefix + tenant, entry.requestId(), json.writeValueAsString(node))
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
                    decode(node.path("embedding").asString("")));
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
