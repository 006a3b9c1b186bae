package io.aigw.gateway.application;

import io.aigw.gateway.domain.LimitKind;
import java.util.function.BooleanSupplier;

/** What the tenant limits report to operators. */
public interface LimitMetrics {

    /** A request of {@code tenantId} was refused by {@code kind}. */
    void rejected(String tenantId, LimitKind kind);

    /** Registers whether the limits are counted locally because the shared store failed. */
    void fallback(BooleanSupplier active);
}
