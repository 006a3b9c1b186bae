package io.aigw.routing.application;

import java.math.BigDecimal;
import reactor.core.publisher.Mono;

/**
 * The tenants' monthly budgets (billing-service, ADR 0022). Before a request is sent, a hold of its
 * maximum cost is placed atomically on what the tenant has left, so concurrent requests cannot
 * overshoot; billing settles the hold from the request's usage event.
 */
public interface Budgets {

    /**
     * @return the hold's id, or empty when the budget could not be asked (billing away: the check
     *     fails open, ADR 0022)
     * @throws io.aigw.routing.domain.RoutingException.QuotaExhausted (as the Mono's error) when the
     *     tenant's remaining budget cannot cover {@code maxCost}
     */
    Mono<String> hold(String tenant, BigDecimal maxCost);

    /** No budgets: every request may go. */
    Budgets NONE = (tenant, maxCost) -> Mono.empty();
}
