package io.aigw.routing.application.learned;

import io.aigw.routing.application.ChatCommand;
import io.aigw.routing.domain.ModelCatalog;
import io.aigw.routing.domain.ModelGroup;
import io.aigw.routing.domain.RoutePlan;
import io.aigw.routing.domain.learned.LabeledExample;
import io.aigw.routing.domain.learned.LearnedTierChoice;
import io.aigw.routing.domain.learned.TierPredictor;
import java.util.List;
import java.util.Map;

/**
 * Applies the {@code learned} strategy to a plan: the tenant's feedback predicts how likely each tier
 * is to answer this prompt well, and the cheapest tier over the group's threshold goes first. Plans of
 * other strategies pass through untouched.
 */
public class LearnedRouting {

    /** For a catalog without learned groups: nothing to do. */
    public static final LearnedRouting NONE = new LearnedRouting(null, null, null, null, null, 0) {
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
    private final double defaultThreshold;

    public LearnedRouting(
            ModelCatalog catalog,
            PromptEmbedder embedder,
            TenantFeedback feedback,
            TierPredictor predictor,
            LearnedTierChoice choice,
            double defaultThreshold) {
        this.catalog = catalog;
        this.embedder = embedder;
        this.feedback = feedback;
        this.predictor = predictor;
        this.choice = choice;
        this.defaultThreshold = defaultThreshold;
    }

    public RoutePlan apply(ChatCommand command, RoutePlan plan) {
        if (!LearnedTierChoice.STRATEGY.equals(plan.strategy()) || plan.isEmpty()) {
            return plan;
        }
        List<LabeledExample> examples = feedback.examples(command.tenant());
        if (!choice.enoughFeedback(plan, TenantFeedback.counts(examples))) {
            return choice.fallback(plan);
        }
        // CPU only (a few ms), so it runs where the plan is made rather than hopping threads
        float[] prompt = embedder.embed(PromptText.of(command.body()));
        Map<Integer, Double> predictions = predictor.predict(prompt, examples);
        return choice.choose(plan, predictions, threshold(command.request().model()));
    }

    private double threshold(String group) {
        return catalog.groups().stream()
                .filter(g -> g.name().equals(group))
                .map(ModelGroup::threshold)
                .filter(t -> t != null)
                .findFirst()
                .orElse(defaultThreshold);
    }
}
