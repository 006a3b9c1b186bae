package io.aigw.bench.limits.domain;

import java.util.List;
import java.util.Map;

/**
 * What the routing replicas counted for the cheap model, summed over all replicas' {@code
 * /actuator/prometheus}.
 *
 * @param reservationsGranted {@code aigw_provider_reservations_total{outcome="granted"}}
 * @param reservationsRefused {@code aigw_provider_reservations_total{outcome="refused"}}
 * @param reservationsCountedLocally {@code aigw_provider_reservations_total{store="local"}}: decided by
 *     the per-replica fallback because Redis did not answer within routing's budget
 * @param fallbacksNoHeadroom {@code aigw_fallbacks_total{reason="no_headroom"}}: skipped before the call
 * @param fallbacksProvider429 {@code aigw_fallbacks_total{reason="429"}}: the provider refused, the next
 *     deployment answered
 * @param settledCalls settled reservations ({@code aigw_reservation_settle_delta_tokens_count})
 * @param settleOverdraftTokens real tokens above the estimates, summed
 * @param settleRefundTokens estimates above the real tokens, summed
 */
public record RoutingCounters(
        double reservationsGranted,
        double reservationsRefused,
        double reservationsCountedLocally,
        double fallbacksNoHeadroom,
        double fallbacksProvider429,
        double settledCalls,
        double settleOverdraftTokens,
        double settleRefundTokens) {

    public static RoutingCounters of(List<String> scrapes, String model) {
        double granted = 0,
                refused = 0,
                local = 0,
                noHeadroom = 0,
                provider429 = 0,
                settled = 0,
                overdraft = 0,
                refund = 0;
        for (String text : scrapes) {
            granted += PrometheusText.sum(
                    text, "aigw_provider_reservations_total", Map.of("model", model, "outcome", "granted"));
            refused += PrometheusText.sum(
                    text, "aigw_provider_reservations_total", Map.of("model", model, "outcome", "refused"));
            local += PrometheusText.sum(
                    text, "aigw_provider_reservations_total", Map.of("model", model, "store", "local"));
            noHeadroom +=
                    PrometheusText.sum(text, "aigw_fallbacks_total", Map.of("model", model, "reason", "no_headroom"));
            provider429 += PrometheusText.sum(text, "aigw_fallbacks_total", Map.of("model", model, "reason", "429"));
            settled += PrometheusText.sum(text, "aigw_reservation_settle_delta_tokens_count", Map.of("model", model));
            overdraft += PrometheusText.sum(
                    text, "aigw_reservation_settle_delta_tokens_sum", Map.of("model", model, "direction", "overdraft"));
            refund += PrometheusText.sum(
                    text, "aigw_reservation_settle_delta_tokens_sum", Map.of("model", model, "direction", "refund"));
        }
        return new RoutingCounters(granted, refused, local, noHeadroom, provider429, settled, overdraft, refund);
    }
}
