package io.aigw.routing.application.learned;

import io.aigw.routing.application.ChatCommand;
import io.aigw.routing.domain.ModelCatalog;
import io.aigw.routing.domain.ModelGroup;
import io.aigw.routing.domain.RoutePlan;
import io.aigw.routing.domain.learned.Calibration;
import io.aigw.routing.domain.learned.LabeledExample;
import io.aigw.routing.domain.learned.LearnedTarget;
import io.aigw.routing.domain.learned.LearnedTierChoice;
import io.aigw.routing.domain.learned.TierPredictor;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies the {@code learned} strategy to a plan: the tenant's feedback predicts how likely each tier
 * is to answer this prompt well, and the rule — with the threshold calibrated on that feedback for the
 * group's target, or the group's fixed threshold — picks the tier that goes first. Plans of other
 * strategies pass through untouched.
 */
public class LearnedRouting {

    /** For a catalog without learned groups: nothing to do. */
    public static final LearnedRouting NONE = new LearnedRouting(null, null, null, null, null, null, null, null) {
        @Override
        public RoutePlan apply(ChatCommand command, RoutePlan plan) {
            return plan;
        }
    };

    private final ModelCatalog catalog;
    private final PromptEmbedder embedder;
    private final TenantFeedback feedback;
    private final TierPredictor predictor;
    private final LearnedTierChoice choice;
    private final LearnedTarget defaultTarget;
    private final ThresholdCalibrator calibrator;
    private final LearnedMetrics metrics;

    public LearnedRouting(
            ModelCatalog catalog,
            PromptEmbedder embedder,
            TenantFeedback feedback,
            TierPredictor predictor,
            LearnedTierChoice choice,
            LearnedTarget defaultTarget,
            ThresholdCalibrator calibrator,
            LearnedMetrics metrics) {
        this.catalog = catalog;
        this.embedder = embedder;
        this.feedback = feedback;
        this.predictor = predictor;
        this.choice = choice;
        this.defaultTarget = defaultTarget;
        this.calibrator = calibrator;
        this.metrics = metrics;
    }

    public RoutePlan apply(ChatCommand command, RoutePlan plan) {
        if (!LearnedTierChoice.STRATEGY.equals(plan.strategy()) || plan.isEmpty()) {
            return plan;
        }
        String groupName = command.request().model();
        List<LabeledExample> examples = feedback.examples(command.tenant());
        if (!choice.enoughFeedback(plan, TenantFeedback.counts(examples))) {
            metrics.fellBack(groupName, "too_little_feedback");
            return choice.fallback(plan);
        }
        Optional<ModelGroup> group = catalog.groups().stream()
                .filter(g -> g.name().equals(groupName))
                .findFirst();
        Optional<Double> threshold = group.map(ModelGroup::threshold).or(() -> calibrator
                .current(
                        command.tenant(),
                        groupName,
                        tiers(groupName),
                        group.map(ModelGroup::target).orElse(defaultTarget),
                        examples)
                .map(Calibration::threshold));
        if (threshold.isEmpty()) {
            metrics.fellBack(groupName, "uncalibrated");
            return choice.fallback(plan);
        }
        long started = System.nanoTime();
        // CPU only (a few ms), so it runs where the plan is made rather than hopping threads
        String text = PromptText.of(command.body());
        float[] prompt = embedder.embed(text);
        Map<Integer, Double> predictions = predictor.predict(prompt, text.length(), examples);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        RoutePlan chosen = choice.choose(plan, predictions, threshold.get());
        metrics.predicted(
                groupName, chosen.candidates().get(0).deployment().model().tier(), took);
        return chosen;
    }

    /** The group's tiers, cheapest first. */
    private List<Integer> tiers(String group) {
        return catalog.resolve(group).stream()
                .map(d -> d.model().tier())
                .distinct()
                .sorted()
                .toList();
    }
}
