package io.aigw.routing.domain.learned;

import static org.assertj.core.api.Assertions.assertThat;

import io.aigw.routing.domain.Deployment;
import io.aigw.routing.domain.Model;
import io.aigw.routing.domain.PlannedDeployment;
import io.aigw.routing.domain.Price;
import io.aigw.routing.domain.Provider;
import io.aigw.routing.domain.ProviderType;
import io.aigw.routing.domain.RoutePlan;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LearnedTierChoiceTest {

    private static final Provider P =
            new Provider("p", ProviderType.OPENAI_COMPATIBLE, URI.create("http://x/v1"), "", Duration.ofSeconds(1));

    private static PlannedDeployment planned(String name, int tier, String cost) {
        Model model = new Model(name, "p", null, tier, Price.FREE, 8192, Set.of());
        return new PlannedDeployment(new Deployment(model, P), 10, 10, new BigDecimal(cost));
    }

    /** As the planner orders them: cheapest first. */
    private static final RoutePlan PLAN = new RoutePlan(
            LearnedTierChoice.STRATEGY,
            List.of(planned("cheap", 1, "0.001"), planned("middle", 2, "0.01"), planned("premium", 3, "0.1")),
            List.of());

    private final LearnedTierChoice choice = new LearnedTierChoice(3);

    private static List<String> names(RoutePlan plan) {
        return plan.candidates().stream()
                .map(c -> c.deployment().model().name())
                .toList();
    }

    @Test
    void shouldFallBackToTheCascadeWhenATierHasTooLittleFeedback() {
        // given: tier 2 has two examples, three are needed
        Map<Integer, Integer> counts = Map.of(1, 10, 2, 2, 3, 10);

        // when
        boolean enough = choice.enoughFeedback(PLAN, counts);
        RoutePlan fallback = choice.fallback(PLAN);

        // then
        assertThat(enough).isFalse();
        assertThat(fallback.isCascade()).isTrue();
        assertThat(names(fallback)).containsExactly("cheap", "middle", "premium");
        assertThat(fallback.tierScores()).isEmpty();
    }

    @Test
    void shouldUseThePredictionsWhenEveryTierHasEnoughFeedback() {
        assertThat(choice.enoughFeedback(PLAN, Map.of(1, 3, 2, 3, 3, 3))).isTrue();
        assertThat(choice.enoughFeedback(PLAN, Map.of(1, 3, 3, 3))).isFalse();
    }

    @Test
    void shouldPutTheCheapestTierOverTheThresholdFirstWhenChoosing() {
        // given: tier 1 falls short, tiers 2 and 3 clear 0.7
        Map<Integer, Double> predictions = Map.of(1, 0.69, 2, 0.7, 3, 0.95);

        // when
        RoutePlan plan = choice.choose(PLAN, predictions, 0.7);

        // then: tier 2 first; the others stay behind it for fallback, in plan order
        assertThat(names(plan)).containsExactly("middle", "cheap", "premium");
        assertThat(plan.strategy()).isEqualTo("learned");
        assertThat(plan.isCascade()).isFalse();
        assertThat(plan.tierScores()).isEqualTo(predictions);
    }

    @Test
    void shouldKeepTheCheapestFirstWhenItClearsTheThreshold() {
        RoutePlan plan = choice.choose(PLAN, Map.of(1, 0.8, 2, 0.9, 3, 0.95), 0.7);

        assertThat(names(plan)).containsExactly("cheap", "middle", "premium");
    }

    @Test
    void shouldPutTheHighestTierFirstWhenNoTierClearsTheThreshold() {
        RoutePlan plan = choice.choose(PLAN, Map.of(1, 0.2, 2, 0.3, 3, 0.4), 0.7);

        assertThat(names(plan)).containsExactly("premium", "cheap", "middle");
    }

    @Test
    void shouldPutTheCheapestTierWithinTheGapOfTheBestFirstWhenTheRuleIsGap() {
        // given: the best tier predicts 0.9; within 0.15 of it are tiers 2 (0.8) and 3, not tier 1 (0.7)
        LearnedTierChoice gap = new LearnedTierChoice(3, LearnedTierChoice.Rule.GAP);
        Map<Integer, Double> predictions = Map.of(1, 0.7, 2, 0.8, 3, 0.9);

        // when
        RoutePlan plan = gap.choose(PLAN, predictions, 0.15);

        // then
        assertThat(names(plan)).containsExactly("middle", "cheap", "premium");
        assertThat(names(gap.choose(PLAN, predictions, 0.25))).containsExactly("cheap", "middle", "premium");
        assertThat(names(gap.choose(PLAN, predictions, 0.0))).containsExactly("premium", "cheap", "middle");
    }
}
