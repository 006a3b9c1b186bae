package io.aigw.routing.config;

import io.aigw.routing.domain.learned.LearnedTierChoice;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Learned tier selection and the feedback it learns from ({@code aigw.routing.learned.*}).
 *
 * @param enabled remember answered requests and take feedback even without a {@code learned} group;
 *     a catalog with a {@code learned} group turns this on by itself. Off (the default catalog),
 *     {@code POST /v1/feedback} knows no request and the embedding model is never loaded
 * @param rememberFor how long an answered request can still get feedback
 * @param neighbours k of the k-nearest-neighbour predictor, per tier
 * @param priorWeight pseudo-examples at the tier's overall mean score mixed into each prediction
 * @param lengthWeight how much one standard deviation of log prompt length (over the tenant's feedback)
 *     lowers the cheaper tiers' predictions for a longer prompt, and raises them for a shorter one; 0
 *     ignores the length
 * @param minFeedbackPerTier below this many examples on any tier of its plan, a learned group acts
 *     as a cascade
 * @param rule {@code gap} (the default): the cheapest tier predicted to be at most the threshold worse
 *     than the best tier of the plan; {@code probability}: the cheapest tier whose predicted
 *     probability of a good answer is at least the threshold
 * @param target what a group's threshold is calibrated for when the group sets no {@code target}:
 *     {@code top-tier-share} (at most this share of requests start on the top tier; the default, 0.3)
 *     or {@code quality} (reach this mean predicted probability of a good answer as cheaply as
 *     possible) — one of the two
 * @param recalibrateEvery how often each tenant's threshold is calibrated again on its feedback (also
 *     when the feedback grew or shrank by more than a tenth)
 * @param calibrationPrompts the newest distinct prompts of the feedback a calibration predicts (its
 *     cost grows with this times the feedback's size)
 * @param maxFeedbackPerTenant feedback kept per tenant; beyond it the oldest goes (in Redis and in
 *     memory)
 * @param feedbackMaxAge feedback older than this is dropped
 * @param refreshEvery how often a replica re-reads a tenant's feedback (what other replicas stored)
 * @param requestKeyPrefix Redis key prefix of the answered requests
 * @param feedbackKeyPrefix Redis key prefix of each tenant's feedback
 */
@Validated
@ConfigurationProperties("aigw.routing.learned")
public record LearnedProperties(
        @DefaultValue("false") boolean enabled,
        @NotNull @DefaultValue("24h") Duration rememberFor,
        @Min(1) @DefaultValue("50") int neighbours,
        @DecimalMin("0") @DefaultValue("4") double priorWeight,
        @DecimalMin("0") @DefaultValue("0.05") double lengthWeight,
        @Min(1) @DefaultValue("50") int minFeedbackPerTier,
        @NotNull @DefaultValue("gap") LearnedTierChoice.Rule rule,
        @NotNull @DefaultValue CatalogProperties.TargetProperties target,
        @NotNull @DefaultValue("10m") Duration recalibrateEvery,
        @Min(1) @DefaultValue("2000") int calibrationPrompts,
        @Min(1) @DefaultValue("10000") int maxFeedbackPerTenant,
        @NotNull @DefaultValue("30d") Duration feedbackMaxAge,
        @NotNull @DefaultValue("30s") Duration refreshEvery,
        @NotNull @DefaultValue("aigw:answered:") String requestKeyPrefix,
        @NotNull @DefaultValue("aigw:feedback:") String feedbackKeyPrefix) {

    /** When neither is set: at most 30 % of the requests start on the top tier. */
    static final double DEFAULT_TOP_TIER_SHARE = 0.3;
}
