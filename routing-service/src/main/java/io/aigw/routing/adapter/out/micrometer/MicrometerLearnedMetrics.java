package io.aigw.routing.adapter.out.micrometer;

import io.aigw.routing.application.learned.LearnedMetrics;
import io.aigw.routing.domain.learned.Calibration;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Learned tier selection in Prometheus. Labels stay bounded: groups and tiers come from the catalog,
 * scores and results are fixed sets, and only the calibration gauges carry a tenant (an operator tunes
 * targets per tenant). The counters of the known label values are registered at zero on start, so
 * dashboards and alerts see them before the first feedback.
 */
public final class MicrometerLearnedMetrics implements LearnedMetrics {

    private static final List<String> RESULTS = List.of("accepted", "unknown_request", "invalid");

    private final MeterRegistry registry;
    private final Map<String, AtomicReference<Calibration>> calibrations = new ConcurrentHashMap<>();

    /** @param groupTiers each learned group's tiers, for the counters registered at zero */
    public MicrometerLearnedMetrics(MeterRegistry registry, Map<String, ? extends Collection<Integer>> groupTiers) {
        this.registry = registry;
        for (String result : RESULTS) {
            for (ScoreKind score : ScoreKind.values()) {
                if ((score == ScoreKind.NONE) == result.equals("invalid")) {
                    feedbackCounter(result, score);
                }
            }
        }
        groupTiers.forEach((group, tiers) -> {
            tiers.forEach(tier -> predictionCounter(group, tier));
            fallbackCounter(group, "too_little_feedback");
            fallbackCounter(group, "uncalibrated");
            calibrationCounter(group, true);
            calibrationCounter(group, false);
        });
    }

    @Override
    public void feedback(String result, ScoreKind score) {
        feedbackCounter(result, score).increment();
    }

    @Override
    public void predicted(String group, int tier, Duration took) {
        predictionCounter(group, tier).increment();
        Timer.builder("aigw_learned_prediction_duration")
                .description("Embedding and predicting one prompt of a learned group on the request path")
                .tags("group", group)
                .publishPercentileHistogram()
                .register(registry)
                .record(took);
    }

    @Override
    public void fellBack(String group, String reason) {
        fallbackCounter(group, reason).increment();
    }

    @Override
    public void calibrated(String tenant, String group, Calibration calibration) {
        calibrationCounter(group, calibration.targetMet()).increment();
        calibrations
                .computeIfAbsent(tenant + '\u0000' + group, key -> {
                    AtomicReference<Calibration> current = new AtomicReference<>(calibration);
                    Tags tags = Tags.of("group", group, "tenant", tenant);
                    Gauge.builder("aigw_learned_threshold", current, c -> c.get()
                                    .threshold())
                            .description(
                                    "The threshold a tenant's learned group routes with, calibrated for its target")
                            .tags(tags)
                            .register(registry);
                    Gauge.builder("aigw_learned_expected_top_tier_share", current, c -> c.get()
                                    .expectedTopTierShare())
                            .description("Share of the calibration prompts the threshold sends to the top tier first")
                            .tags(tags)
                            .register(registry);
                    Gauge.builder("aigw_learned_expected_quality", current, c -> c.get()
                                    .expectedQuality())
                            .description("Mean predicted probability of a good answer at the calibrated threshold")
                            .tags(tags)
                            .register(registry);
                    return current;
                })
                .set(calibration);
    }

    private Counter feedbackCounter(String result, ScoreKind score) {
        return Counter.builder("aigw_feedback")
                .description("POST /v1/feedback by result (accepted, unknown_request, invalid) and score")
                .tags("result", result, "score", score.name().toLowerCase(Locale.ROOT))
                .register(registry);
    }

    private Counter predictionCounter(String group, int tier) {
        return Counter.builder("aigw_learned_predictions")
                .description("Requests of a learned group routed by a prediction, by the tier that went first")
                .tags("group", group, "tier", Integer.toString(tier))
                .register(registry);
    }

    private Counter fallbackCounter(String group, String reason) {
        return Counter.builder("aigw_learned_fallbacks")
                .description("Requests of a learned group that went as a cascade (too_little_feedback, uncalibrated)")
                .tags("group", group, "reason", reason)
                .register(registry);
    }

    private Counter calibrationCounter(String group, boolean met) {
        return Counter.builder("aigw_learned_calibrations")
                .description("Threshold calibrations of a learned group, by whether its target was met")
                .tags("group", group, "result", met ? "met" : "unreachable")
                .register(registry);
    }
}
