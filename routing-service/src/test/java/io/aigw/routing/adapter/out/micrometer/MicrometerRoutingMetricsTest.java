package io.aigw.routing.adapter.out.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class MicrometerRoutingMetricsTest {

    @Test
    void shouldKeepReportingTheLimitsFallbackWhenNothingElseHoldsItsSupplier() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        AtomicBoolean fallback = new AtomicBoolean(true);
        // a fresh lambda that only the gauge holds, as the capacity service passes it
        new MicrometerRoutingMetrics(registry).capacityFallback(() -> fallback.get());
        for (int i = 0; i < 5; i++) {
            System.gc();
        }

        assertThat(registry.get("aigw_provider_limits_fallback").gauge().value())
                .isEqualTo(1.0);
        fallback.set(false);
        assertThat(registry.get("aigw_provider_limits_fallback").gauge().value())
                .isEqualTo(0.0);
    }
}
