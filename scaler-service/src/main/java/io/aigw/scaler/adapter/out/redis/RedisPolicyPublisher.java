package io.aigw.scaler.adapter.out.redis;

import io.aigw.api.policy.RoutingPolicy;
import io.aigw.scaler.application.PolicyPublisher;
import io.aigw.scaler.application.ScalerException;
import java.util.List;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes the routing policy as DESIGN.md says: the JSON under {@value RoutingPolicy#KEY}, then the
 * new version on {@value RoutingPolicy#CHANNEL}. One Lua script does both and refuses a version that
 * is not higher than the stored one, so two scalers (a lost lease) can never move the version back.
 */
public final class RedisPolicyPublisher implements PolicyPublisher {

    private static final DefaultRedisScript<Long> PUBLISH = new DefaultRedisScript<>(
            """
            local current = redis.call('GET', KEYS[1])
            if current then
              local ok, decoded = pcall(cjson.decode, current)
              if ok and type(decoded) == 'table' and tonumber(decoded['version'])
                  and tonumber(decoded['version']) >= tonumber(ARGV[2]) then
                return 0
              end
            end
            redis.call('SET', KEYS[1], ARGV[1])
            redis.call('PUBLISH', ARGV[3], ARGV[2])
            return 1
            """,
            Long.class);

    private final StringRedisTemplate redis;
    private final JsonMapper json;

    public RedisPolicyPublisher(StringRedisTemplate redis, JsonMapper json) {
        this.redis = redis;
        this.json = json;
    }

    @Override
    public long currentVersion() throws ScalerException {
        try {
            String current = redis.opsForValue().get(RoutingPolicy.KEY);
            if (current == null) {
                return 0;
            }
            JsonNode node = json.readTree(current);
            return node.path("version").asLong(0);
        } catch (DataAccessException e) {
            throw new ScalerException.Unavailable("Redis: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // an unreadable stored policy: start above nothing, routing ignores what it cannot read
            return 0;
        }
    }

    @Override
    public boolean publish(RoutingPolicy policy) throws ScalerException {
        try {
            Long done = redis.execute(
                    PUBLISH,
                    List.of(RoutingPolicy.KEY),
                    json.writeValueAsString(policy),
                    Long.toString(policy.version()),
                    RoutingPolicy.CHANNEL);
            return done != null && done == 1L;
        } catch (DataAccessException e) {
            throw new ScalerException.Unavailable("Redis: " + e.getMessage(), e);
        }
    }
}
