package io.aigw.routing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoutePlannerTest {

    /** One token per word: plans depend on counts, not on a real tokenizer. */
    private static final TokenCounter WORDS =
            (tokenizer, text) -> text.isBlank() ? 0 : text.strip().split("\\s+").length;

    private static final Provider P =
            new Provider("p", ProviderType.OPENAI_COMPATIBLE, URI.create("http://x/v1"), "", Duration.ofSeconds(1));
    private static final Provider Q =
            new Provider("q", ProviderType.OPENAI_COMPATIBLE, URI.create("http://y/v1"), "", Duration.ofSeconds(1));

    private final RoutePlanner planner = new RoutePlanner(WORDS, 100);

    private static Deployment deployment(
            String name, Provider provider, int tier, String inPrice, int context, Capability... caps) {
        Set<Capability> capabilities = caps.length == 0 ? Set.of() : EnumSet.copyOf(List.of(caps));
        return new Deployment(
                new Model(
                        name,
                        provider.id(),
                        null,
                        tier,
                        new Price(new BigDecimal(inPrice), new BigDecimal(inPrice)),
                        context,
                        capabilities),
                provider);
    }

    private static ChatRequest request(Set<Capability> needs, OptionalInt maxTokens, String... messages) {
        return new ChatRequest(
                "auto",
                false,
                false,
                maxTokens,
                needs,
                ResponseFormat.TEXT,
                new Prompt(List.of(messages), 0, List.of()));
    }

    private static final ChatRequest HELLO = request(Set.of(), OptionalInt.empty(), "user hello there");

    private static List<String> names(RoutePlan plan) {
        return plan.candidates().stream()
                .map(c -> c.deployment().model().name())
                .toList();
    }

    @Test
    void shouldOrderQualifyingDeploymentsByEstimatedCostWhenSeveralQualify() {
        RoutePlan plan = planner.plan(
                "cheapest",
                List.of(
                        deployment("premium", P, 3, "10", 1000),
                        deployment("economy", P, 1, "0.1", 1000),
                        deployment("standard", P, 2, "1", 1000)),
                HELLO,
                TierRange.ALL,
                DeploymentConditions.NONE);

        assertThat(names(plan)).containsExactly("economy", "standard", "premium");
    }

    @Test
    void shouldBreakCostTiesByObservedLatencyWhenCostsAreEqual() {
        Deployment slow = deployment("slow", P, 1, "1", 1000);
        Deployment fast = deployment("fast", Q, 1, "1", 1000);
        DeploymentConditions latency = conditions(
                Set.of(), Set.of(), Map.of(slow.id(), Duration.ofMillis(900), fast.id(), Duration.ofMillis(100)));

        RoutePlan plan = planner.plan("cheapest", List.of(slow, fast), HELLO, TierRange.ALL, latency);

        assertThat(names(plan)).containsExactly("fast", "slow");
    }

    @Test
    void shouldRejectADeploymentWhenItLacksANeededCapability() {
        RoutePlan plan = planner.plan(
                "cheapest",
                List.of(
                        deployment("plain", P, 1, "0.1", 1000),
                        deployment("tooled", P, 2, "1", 1000, Capability.TOOLS)),
                request(Set.of(Capability.TOOLS), OptionalInt.empty(), "user call a tool"),
                TierRange.ALL,
                DeploymentConditions.NONE);

        assertThat(names(plan)).containsExactly("tooled");
        assertThat(plan.rejected())
                .singleElement()
                .extracting(Rejection::reason)
                .isEqualTo(Rejection.Reason.MISSING_CAPABILITY);
    }

    @Test
    void shouldRejectADeploymentWhenPromptAndOutputExceedItsContextWindow() {
        // prompt = 3 priming + (4 framing + 3 words) = 10 tokens; with max_tokens 50 it needs 60
        ChatRequest request = request(Set.of(), OptionalInt.of(50), "user three words");

        RoutePlan plan = planner.plan(
                "cheapest",
                List.of(deployment("small", P, 1, "0.1", 59), deployment("big", P, 2, "1", 60)),
                request,
                TierRange.ALL,
                DeploymentConditions.NONE);

        assertThat(names(plan)).containsExactly("big");
        assertThat(plan.rejected()).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo(Rejection.Reason.CONTEXT_TOO_SMALL);
            assertThat(r.detail()).contains("60 tokens needed");
        });
    }

    @Test
    void shouldRejectTiersOutsideTheClientRangeWhenMinAndMaxTierAreSet() {
        RoutePlan plan = planner.plan(
                "cheapest",
                List.of(
                        deployment("t1", P, 1, "0.1", 1000),
                        deployment("t2", P, 2, "1", 1000),
                        deployment("t3", P, 3, "10", 1000)),
                HELLO,
                new TierRange(2, 2, 3),
                DeploymentConditions.NONE);

        assertThat(names(plan)).containsExactly("t2");
        assertThat(plan.rejected()).extracting(Rejection::reason).containsOnly(Rejection.Reason.TIER_OUT_OF_RANGE);
    }

    @Test
    void shouldRejectTiersAboveThePlanWhenThePlanCapsTheTier() {
        RoutePlan plan = planner.plan(
                "cheapest",
                List.of(deployment("t1", P, 1, "0.1", 1000), deployment("t3", P, 3, "10", 1000)),
                HELLO,
                new TierRange(1, 3, 2),
                DeploymentConditions.NONE);

        assertThat(names(plan)).containsExactly("t1");
        assertThat(plan.rejected())
                .singleElement()
                .extracting(Rejection::reason)
                .isEqualTo(Rejection.Reason.TIER_NOT_ALLOWED);
    }

    @Test
    void shouldRejectADeploymentWhenItsCircuitIsOpen() {
        Deployment broken = deployment("broken", P, 1, "0.1", 1000);
        Deployment healthy = deployment("healthy", Q, 1, "0.2", 1000);

        RoutePlan plan = planner.plan(
                "cheapest",
                List.of(broken, healthy),
                HELLO,
                TierRange.ALL,
                conditions(Set.of(broken.id()), Set.of(), Map.of()));

        assertThat(names(plan)).containsExactly("healthy");
        assertThat(plan.rejected())
                .singleElement()
                .extracting(Rejection::reason)
                .isEqualTo(Rejection.Reason.CIRCUIT_OPEN);
    }

    @Test
    void shouldRejectADeploymentWhenTheProviderAskedToWait() {
        Deployment waiting = deployment("waiting", P, 1, "0.1", 1000);

        RoutePlan plan = planner.plan(
                "cheapest",
                List.of(waiting),
                HELLO,
                TierRange.ALL,
                conditions(Set.of(), Set.of(waiting.id()), Map.of()));

        assertThat(plan.isEmpty()).isTrue();
        assertThat(plan.rejected())
                .singleElement()
                .extracting(Rejection::reason)
                .isEqualTo(Rejection.Reason.COOLING_DOWN);
    }

    @Test
    void shouldRejectADeploymentWhenItsProviderHasNoHeadroom() {
        Deployment full = deployment("full", P, 1, "0.1", 1000);
        DeploymentConditions noRoom = new DeploymentConditions() {
            @Override
            public boolean circuitOpen(DeploymentId id) {
                return false;
            }

            @Override
            public boolean coolingDown(DeploymentId id) {
                return false;
            }

            @Override
            public boolean hasHeadroom(DeploymentId id, int tokens) {
                return false;
            }

            @Override
            public Optional<Duration> observedLatency(DeploymentId id) {
                return Optional.empty();
            }
        };

        RoutePlan plan = planner.plan("cheapest", List.of(full), HELLO, TierRange.ALL, noRoom);

        assertThat(plan.rejected())
                .singleElement()
                .extracting(Rejection::reason)
                .isEqualTo(Rejection.Reason.NO_HEADROOM);
    }

    @Test
    void shouldEstimateCostFromPromptAndExpectedOutputWhenPlanning() {
        // prompt 10 tokens (see above), default output 100 tokens, $1 per Mtok both ways
        RoutePlan plan = planner.plan(
                "cheapest",
                List.of(deployment("m", P, 1, "1", 1000)),
                request(Set.of(), OptionalInt.empty(), "user three words"),
                TierRange.ALL,
                DeploymentConditions.NONE);

        PlannedDeployment only = plan.candidates().get(0);
        assertThat(only.promptTokens()).isEqualTo(10);
        assertThat(only.expectedOutputTokens()).isEqualTo(100);
        assertThat(only.estimatedCost()).isEqualByComparingTo("0.00011");
    }

    private static DeploymentConditions conditions(
            Set<DeploymentId> open, Set<DeploymentId> cooling, Map<DeploymentId, Duration> latency) {
        return new DeploymentConditions() {
            @Override
            public boolean circuitOpen(DeploymentId id) {
                return open.contains(id);
            }

            @Override
            public boolean coolingDown(DeploymentId id) {
                return cooling.contains(id);
            }

            @Override
            public Optional<Duration> observedLatency(DeploymentId id) {
                return Optional.ofNullable(latency.get(id));
            }
        };
    }
}
