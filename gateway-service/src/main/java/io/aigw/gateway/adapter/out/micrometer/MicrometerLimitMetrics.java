package io.aigw.gateway.adapter.out.micrometer;

import io.aigw.gateway.application.LimitMetrics;
import io.aigw.gateway.domain.LimitKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.BooleanSupplier;

/**
 * The tenant limits in Prometheus. Tenant labels are bounded by the number of tenants, and an
 * operator needs them to see who is being refused.
 */
public class MicrometerLimitMetrics implements LimitMetrics {

    private final MeterRegistry registry;

    public MicrometerLimitMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void rejected(String tenantId, LimitKind kind) {
        Counter.builder("aigw_tenant_limit_rejections")
                .description("Requests refused with 429 by a tenant limit (rpm, tpm, requests_per_day, tokens_per_day)")
                .tag("tenant", tenantId)
                .tag("limit", kind.label())
                .register(registry)
                .increment();
    }

    @Override
    public void fallback(BooleanSupplier active) {
        Gauge.builder("aigw_tenant_limits_fallback", () -> active.getAsBoolean() ? 1 : 0)
                .description("1 while this replica counts tenant limits locally because Redis failed")
                .register(registry);
    }
}
