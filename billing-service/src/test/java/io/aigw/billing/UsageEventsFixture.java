package io.aigw.billing;

import io.aigw.api.usage.UsageEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Usage events as routing publishes them. */
final class UsageEventsFixture {

    /** When the fixture's events happened, unless a test says otherwise. */
    static final Instant AT = Instant.parse("2026-11-15T10:00:00Z");

    private UsageEventsFixture() {}

    /** Publishes {@link #event} of tenant {@code acme} at {@link #AT} on the stream, as routing does. */
    static RecordId publish(StringRedisTemplate redis, JsonMapper json, String stream, String requestId) {
        return redis.opsForStream()
                .add(MapRecord.create(
                        stream, Map.of(UsageEvent.FIELD, json.writeValueAsString(event(requestId, "acme", AT)))));
    }

    static UsageEvent event(String requestId, String tenant, Instant at) {
        return new UsageEvent(
                requestId,
                tenant,
                "key_0123456789abcdef",
                "auto",
                "gpt-4o-mini",
                "openai",
                1,
                1200,
                300,
                200,
                new BigDecimal("0.000345678912"),
                BigDecimal.ZERO,
                new BigDecimal("0.006000000000"),
                0,
                BigDecimal.ZERO,
                "miss",
                1,
                200,
                850,
                at,
                new BigDecimal("0.15"),
                new BigDecimal("0.60"),
                new BigDecimal("0.075"),
                "hold-1");
    }
}
