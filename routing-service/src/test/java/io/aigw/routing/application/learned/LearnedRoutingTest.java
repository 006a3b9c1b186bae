package io.aigw.routing.application.learned;

import static org.assertj.core.api.Assertions.assertThat;

import io.aigw.routing.application.ChatCommand;
import io.aigw.routing.domain.CachePolicy;
import io.aigw.routing.domain.ChatRequest;
import io.aigw.routing.domain.Deployment;
import io.aigw.routing.domain.Model;
import io.aigw.routing.domain.ModelCatalog;
import io.aigw.routing.domain.ModelGroup;
import io.aigw.routing.domain.PlannedDeployment;
import io.aigw.routing.domain.Price;
import io.aigw.routing.domain.Prompt;
import io.aigw.routing.domain.Provider;
import io.aigw.routing.domain.ProviderType;
import io.aigw.routing.domain.ResponseFormat;
import io.aigw.routing.domain.RoutePlan;
import io.aigw.routing.domain.TierRange;
import io.aigw.routing.domain.learned.Calibration;
import io.aigw.routing.domain.learned.FeedbackRetention;
import io.aigw.routing.domain.learned.LearnedTarget;
import io.aigw.routing.domain.learned.LearnedTierChoice;
import io.aigw.routing.domain.learned.ThresholdCalibration;
import io.aigw.routing.domain.learned.TierPredictor;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The learned group on the request path: cascade without feedback, the tier over threshold with it. */
class LearnedRoutingTest {

    private static final Provider P =
            new Provider("p", ProviderType.OPENAI_COMPATIBLE, URI.create("http://x/v1"), "", Duration.ofSeconds(1));
    private static final Model CHEAP = new Model("cheap", "p", null, 1, Price.FREE, 8192, Set.of());
    private static final Model PREMIUM = new Model("premium", "p", null, 3, Price.FREE, 8192, Set.of());
    private static final ModelCatalog CATALOG = new ModelCatalog(
            List.of(P),
            List.of(CHEAP, PREMIUM),
            List.of(
                    new ModelGroup("smart", "learned", List.of("cheap", "premium"), 0.6, null),
                    new ModelGroup(
                            "tuned",
                            "learned",
                            List.of("cheap", "premium"),
                            null,
                            new LearnedTarget.TopTierShare(0.5))));
    private static final RoutePlan PLAN = new RoutePlan(
            "learned",
            List.of(
                    new PlannedDeployment(new Deployment(CHEAP, P), 5, 5, new BigDecimal("0.001")),
                    new PlannedDeployment(new Deployment(PREMIUM, P), 5, 5, new BigDecimal("0.1"))),
            List.of());

    /** "maths" prompts point one way, everything else the other. */
    private static final PromptEmbedder EMBEDDER =
            text -> text.contains("maths") ? new float[] {1, 0} : new float[] {0, 1};

    private static final FeedbackStore EMPTY = new FeedbackStore() {
        @Override
        public Mono<Void> save(String tenant, FeedbackEntry entry) {
            return Mono.empty();
        }

        @Override
        public Flux<FeedbackEntry> load(String tenant) {
            return Flux.empty();
        }
    };

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);

    private final TenantFeedback feedback =
            new TenantFeedback(EMPTY, CLOCK, Duration.ofMinutes(1), new FeedbackRetention(1_000, Duration.ofDays(30)));
    private final TierPredictor predictor = new TierPredictor(2, 0);
    private final LearnedTierChoice choice = new LearnedTierChoice(2);
    private final List<String> fallbacks = new ArrayList<>();
    private final LearnedMetrics metrics = new LearnedMetrics() {
        @Override
        public void feedback(String result, ScoreKind score) {}

        @Override
        public void predicted(String group, int tier, Duration took) {}

        @Override
        public void fellBack(String group, String reason) {
            fallbacks.add(group + ":" + reason);
        }

        @Override
        public void calibrated(String tenant, String group, Calibration calibration) {}
    };
    // calibrations run on the calling thread here, so the second request sees the first one's result
    private final LearnedRouting routing = new LearnedRouting(
            CATALOG,
            EMBEDDER,
            feedback,
            predictor,
            choice,
            new LearnedTarget.TopTierShare(0.3),
            new ThresholdCalibrator(
                    new ThresholdCalibration(predictor, choice, 100),
                    CLOCK,
                    Duration.ofMinutes(10),
                    Schedulers.immediate(),
                    metrics),
            metrics);

    private static ChatCommand command(String tenant, String text) {
        return command(tenant, "smart", text);
    }

    private static ChatCommand command(String tenant, String group, String text) {
        ObjectNode body = JsonMapper.builder().build().createObjectNode();
        body.put("model", group);
        body.putArray("messages").addObject().put("role", "user").put("content", text);
        ChatRequest request = new ChatRequest(
                group,
                false,
                false,
                OptionalInt.empty(),
                Set.of(),
                ResponseFormat.TEXT,
                new Prompt(List.of(text), 0, List.of()));
        return new ChatCommand("r", tenant, null, request, body, new TierRange(1, 3, 3), CachePolicy.DEFAULT);
    }

    private void give(String tenant, String id, float[] embedding, int tier, double score) {
        feedback.add(
                tenant,
                new FeedbackEntry(id, tier == 1 ? "cheap" : "premium", tier, score, embedding, 10, CLOCK.instant()));
    }

    private static List<String> names(RoutePlan plan) {
        return plan.candidates().stream()
                .map(c -> c.deployment().model().name())
                .toList();
    }

    /** The cheap model is wrong on maths and right on the rest; the premium one is always right. */
    private void trained(String tenant) {
        float[] maths = {1, 0};
        float[] other = {0, 1};
        give(tenant, "1", maths, 1, 0);
        give(tenant, "2", maths, 1, 0);
        give(tenant, "3", other, 1, 1);
        give(tenant, "4", other, 1, 1);
        give(tenant, "5", maths, 3, 1);
        give(tenant, "6", other, 3, 1);
    }

    @Test
    void shouldActAsACascadeWhenATierHasTooLittleFeedback() {
        // given: only the cheap tier has feedback
        give("acme", "1", new float[] {1, 0}, 1, 1);
        give("acme", "2", new float[] {1, 0}, 1, 1);

        // when
        RoutePlan plan = routing.apply(command("acme", "maths: 2+2"), PLAN);

        // then
        assertThat(plan.strategy()).isEqualTo("cascade");
        assertThat(names(plan)).containsExactly("cheap", "premium");
        assertThat(plan.tierScores()).isEmpty();
    }

    @Test
    void shouldSendAPromptLikeThoseTheCheapTierFailsToThePremiumTierWhenTrained() {
        trained("acme");

        // when: the group's own threshold 0.6 applies (the default 0.5 does not)
        RoutePlan plan = routing.apply(command("acme", "maths: 7*8"), PLAN);

        // then: tier 1 predicts (0 + 0) / 2 = 0.0, tier 3 (1 + 1) / 2 = 1.0
        assertThat(names(plan)).containsExactly("premium", "cheap");
        assertThat(plan.tierScores()).isEqualTo(Map.of(1, 0.0, 3, 1.0));
    }

    @Test
    void shouldKeepTheCheapTierFirstWhenItIsPredictedToAnswerWell() {
        trained("acme");

        RoutePlan plan = routing.apply(command("acme", "the capital of France?"), PLAN);

        assertThat(names(plan)).containsExactly("cheap", "premium");
        assertThat(plan.strategy()).isEqualTo("learned");
    }

    @Test
    void shouldNotUseAnotherTenantsFeedbackWhenPlanning() {
        trained("acme");

        assertThat(routing.apply(command("globex", "maths: 7*8"), PLAN).strategy())
                .isEqualTo("cascade");
    }

    @Test
    void shouldActAsACascadeUntilTheFirstCalibrationIsInWhenTheGroupHasATarget() {
        trained("acme");

        // when: the first request starts the calibration, the second one uses it
        RoutePlan first = routing.apply(command("acme", "tuned", "maths: 7*8"), PLAN);
        RoutePlan second = routing.apply(command("acme", "tuned", "maths: 7*8"), PLAN);

        // then
        assertThat(first.strategy()).isEqualTo("cascade");
        assertThat(fallbacks).containsExactly("tuned:uncalibrated");
        assertThat(second.strategy()).isEqualTo("learned");
        assertThat(second.threshold()).isNotNull();
    }

    @Test
    void shouldSendOnlyThePromptsTheCheapTierFailsToThePremiumTierWhenCalibratedForHalfOnTop() {
        // given: half the prompts (maths) are ones the cheap tier fails; the target allows half on top
        trained("acme");
        routing.apply(command("acme", "tuned", "warm-up"), PLAN);

        // when
        RoutePlan maths = routing.apply(command("acme", "tuned", "maths: 7*8"), PLAN);
        RoutePlan other = routing.apply(command("acme", "tuned", "the capital of France?"), PLAN);

        // then
        assertThat(names(maths)).containsExactly("premium", "cheap");
        assertThat(names(other)).containsExactly("cheap", "premium");
    }

    @Test
    void shouldLeaveOtherStrategiesAloneWhenPlanning() {
        RoutePlan cheapest = new RoutePlan("cheapest", PLAN.candidates(), List.of());

        assertThat(routing.apply(command("acme", "maths"), cheapest)).isSameAs(cheapest);
    }
}
