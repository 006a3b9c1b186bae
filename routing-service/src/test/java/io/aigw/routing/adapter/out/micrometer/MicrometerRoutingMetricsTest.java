package io.aigw.routing.adapter.out.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.aigw.routing.application.FinishedRequest;
import io.aigw.routing.application.Usage;
import io.aigw.routing.domain.Deployment;
import io.aigw.routing.domain.Model;
import io.aigw.routing.domain.Price;
import io.aigw.routing.domain.Provider;
import io.aigw.routing.domain.ProviderType;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class MicrometerRoutingMetricsTest {

    private static final Provider PROVIDER = new Provider(
            "p", ProviderType.OPENAI_COMPATIBLE, URI.create("http://127.0.0.1:1/v1"), "", Duration.ofSeconds(5));
    private static final Deployment SMALL =
            new Deployment(new Model("small", "p", "small-upstream", 1, Price.FREE, 8192, Set.of()), PROVIDER);
    private static final Deployment LARGE =
            new Deployment(new Model("large", "p", "large-upstream", 2, Price.FREE, 8192, Set.of()), PROVIDER);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MicrometerRoutingMetrics metrics = new MicrometerRoutingMetrics(registry);

    private static FinishedRequest finished(Deployment deployment, String tenant, int status, long prompt) {
        return new FinishedRequest(
                "r",
                tenant,
                "k",
                "auto",
                deployment,
                status,
                1,
                List.of(),
                List.of(),
                new Usage(prompt, 3, 0),
                new BigDecimal("0.5"),
                Duration.ofMillis(20),
                false,
                Instant.EPOCH,
                "miss",
                BigDecimal.ZERO,
                null);
    }

    @Test
    void shouldKeepReportingTheLimitsFallbackWhenNothingElseHoldsItsSupplier() {
        AtomicBoolean fallback = new AtomicBoolean(true);
        // a fresh lambda that only the gauge holds, as the capacity service passes it
        metrics.capacityFallback(() -> fallback.get());
        for (int i = 0; i < 5; i++) {
            System.gc();
        }

        assertThat(registry.get("aigw_provider_limits_fallback").gauge().value())
                .isEqualTo(1.0);
        fallback.set(false);
        assertThat(registry.get("aigw_provider_limits_fallback").gauge().value())
                .isEqualTo(0.0);
    }

    @Test
    void shouldCountEachSeriesApartWhenItsMetersAreReused() {
        metrics.finished(finished(SMALL, "t1", 200, 7));
        metrics.finished(finished(SMALL, "t1", 200, 7));
        metrics.finished(finished(SMALL, "t2", 200, 7));
        metrics.finished(finished(LARGE, "t1", 429, 0));

        assertThat(registry.get("aigw_requests")
                        .tags("tenant", "t1", "model", "small", "tier", "1", "status", "200")
                        .counter()
                        .count())
                .isEqualTo(2.0);
        assertThat(registry.get("aigw_requests").tags("tenant", "t2").counter().count())
                .isEqualTo(1.0);
        assertThat(registry.get("aigw_requests")
                        .tags("tenant", "t1", "model", "large", "tier", "2", "status", "429")
                        .counter()
                        .count())
                .isEqualTo(1.0);
        assertThat(registry.get("aigw_tokens")
                        .tags("model", "small", "type", "prompt")
                        .counter()
                        .count())
                .isEqualTo(21.0);
        assertThat(registry.get("aigw_cost_usd")
                        .tags("tenant", "t1", "model", "small")
                        .counter()
                        .count())
                .isEqualTo(1.0);
        assertThat(registry.get("aigw_request_duration")
                        .tags("model", "small", "status", "200")
                        .timer()
                        .count())
                .isEqualTo(3);
        assertThat(registry.get("gen_ai.client.operation.duration")
                        .tags("gen_ai.response.model", "large-upstream", "error.type", "429")
                        .timer()
                        .count())
                .isEqualTo(1);
        assertThat(registry.get("gen_ai.client.token.usage")
                        .tags("gen_ai.request.model", "small", "gen_ai.token.type", "input")
                        .summary()
                        .totalAmount())
                .isEqualTo(21.0);
    }

    @Test
    void shouldKeepOutcomesAndStoresOfCallsApart() {
        metrics.attempt(SMALL, "success", Duration.ofMillis(5));
        metrics.attempt(SMALL, "success", Duration.ofMillis(5));
        metrics.attempt(SMALL, "timeout", Duration.ofMillis(5));
        metrics.reservation(SMALL, "granted", false);
        metrics.reservation(SMALL, "granted", true);
        metrics.reservation(SMALL, "granted", true);
        metrics.settleDelta(SMALL, 10);
        metrics.settleDelta(SMALL, -4);

        assertThat(registry.get("aigw_upstream_duration")
                        .tags("outcome", "success")
                        .timer()
                        .count())
                .isEqualTo(2);
        assertThat(registry.get("aigw_upstream_duration")
                        .tags("outcome", "timeout")
                        .timer()
                        .count())
                .isEqualTo(1);
        assertThat(registry.get("aigw_provider_reservations")
                        .tags("store", "local")
                        .counter()
                        .count())
                .isEqualTo(2.0);
        assertThat(registry.get("aigw_provider_reservations")
                        .tags("store", "shared")
                        .counter()
                        .count())
                .isEqualTo(1.0);
        assertThat(registry.get("aigw_reservation_settle_delta_tokens")
                        .tags("direction", "refund")
                        .summary()
                        .totalAmount())
                .isEqualTo(4.0);
    }
}
