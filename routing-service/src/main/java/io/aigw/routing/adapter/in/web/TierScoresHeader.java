package io.aigw.routing.adapter.in.web;

import io.aigw.routing.domain.RoutePlan;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;

/**
 * {@code x-aigw-tier-scores: 1=0.6234,3=0.8811} and {@code x-aigw-tier-threshold: 0.2140}: why a
 * {@code learned} group chose its tier — the predicted probability of a good answer per tier, and the
 * threshold its rule applied (calibrated for the group's target). Absent for other strategies and while
 * a learned group still acts as a cascade.
 */
final class TierScoresHeader {

    static final String NAME = "x-aigw-tier-scores";
    static final String THRESHOLD = "x-aigw-tier-threshold";

    private TierScoresHeader() {}

    static void set(HttpHeaders headers, RoutePlan plan) {
        if (plan.tierScores().isEmpty()) {
            return;
        }
        headers.set(
                NAME,
                plan.tierScores().entrySet().stream()
                        .sorted(java.util.Map.Entry.comparingByKey())
                        .map(e -> e.getKey() + "=" + String.format(Locale.ROOT, "%.4f", e.getValue()))
                        .collect(Collectors.joining(",")));
        if (plan.threshold() != null) {
            headers.set(THRESHOLD, String.format(Locale.ROOT, "%.4f", plan.threshold()));
        }
    }
}
