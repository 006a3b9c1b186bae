package io.aigw.billing;

import io.aigw.api.usage.UsageEvent;
import java.math.BigDecimal;
import java.time.Instant;

/** Usage events as routing publishes them. */
final class UsageEventsFixture {

    private UsageEventsFixture() {}

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
