package io.aigw.scaler.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each policy rule with its hysteresis: N = 2 bad intervals to fire, M = 3 good ones to lift. */
class TierPolicyTest {

    static final Instant T0 = Instant.parse("2026-01-15T00:00:00Z"); // 17 days (1,468,800 s) to the month's end
    static final Duration INTERVAL = Duration.ofSeconds(15);

    PolicySettings settings(double budget, Set<String> plans) {
        return new PolicySettings(budget, 2, plans, 0.2, Duration.ofSeconds(5), 2, 3);
    }

    record Run(TierPolicy policy, PolicyState state, TierPolicy.Step last, Instant at) {
        Run step(OptionalDouble rate, Map<String, PolicyInputs.ProviderHealth> providers) {
            TierPolicy.Step step = policy.next(state, new PolicyInputs(at, rate, providers));
            return new Run(policy, step.state(), step, at.plus(INTERVAL));
        }

        Run spend(double usdPerSecond) {
            return step(OptionalDouble.of(usdPerSecond), Map.of());
        }

        Run provider(String name, double errorRate, double ttft) {
            return step(OptionalDouble.empty(), Map.of(name, new PolicyInputs.ProviderHealth(errorRate, ttft)));
        }
    }

    Run start(PolicySettings settings) {
        return new Run(new TierPolicy(settings), PolicyState.initial(), null, T0);
    }

    @Test
    void shouldCapTheTopTierGloballyAfterNIntervalsProjectedOverBudget() {
        // given a 1,000 USD budget; 0.001 USD/s projects to ~1,469 USD by the month's end
        Run run = start(settings(1000, Set.of()));

        // when one interval is over: no change yet
        run = run.spend(0.001);
        assertThat(run.last().view().maxTier()).isNull();
        assertThat(run.last().changed()).isFalse();

        // then the second one fires the brown-out
        run = run.spend(0.001);
        assertThat(run.last().view().maxTier()).isEqualTo(2);
        assertThat(run.last().changed()).isTrue();
        assertThat(run.last().view().reason()).startsWith("brown-out");
    }

    @Test
    void shouldCapOnlyTheConfiguredPlansWhenBrownoutPlansAreSet() {
        // given
        Run run = start(settings(1000, Set.of("free", "basic")));

        // when
        run = run.spend(0.001).spend(0.001);

        // then
        assertThat(run.last().view().maxTier()).isNull();
        assertThat(run.last().view().maxTierByPlan()).isEqualTo(Map.of("free", 2, "basic", 2));
    }

    @Test
    void shouldLiftTheBrownoutOnlyAfterMGoodIntervals() {
        // given a brown-out
        Run run = start(settings(1000, Set.of())).spend(0.001).spend(0.001);

        // when spend falls for two intervals, then goes over again, then falls for three
        run = run.spend(0.0001).spend(0.0001);
        assertThat(run.last().view().maxTier()).isEqualTo(2);
        run = run.spend(0.001).spend(0.0001).spend(0.0001);
        assertThat(run.last().view().maxTier()).isEqualTo(2);
        run = run.spend(0.0001);

        // then
        assertThat(run.last().view().maxTier()).isNull();
        assertThat(run.last().changed()).isTrue();
    }

    @Test
    void shouldKeepTheCountersWhenTheSpendRateIsUnknown() {
        // given one over-budget interval
        Run run = start(settings(1000, Set.of())).spend(0.001);

        // when the next has no data, then one more over
        run = run.step(OptionalDouble.empty(), Map.of());
        run = run.spend(0.001);

        // then the missing interval neither reset nor counted: fires now
        assertThat(run.last().view().maxTier()).isEqualTo(2);
    }

    @Test
    void shouldNeverBrownOutWhenNoBudgetIsConfigured() {
        Run run = start(settings(0, Set.of())).spend(100).spend(100).spend(100);
        assertThat(run.last().view().maxTier()).isNull();
    }

    @Test
    void shouldMarkAProviderDegradedAfterNIntervalsOfErrorsAndRestoreAfterMGoodOnes() {
        // given
        Run run = start(settings(0, Set.of()));

        // when 2 intervals at 50 % errors
        run = run.provider("openai", 0.5, Double.NaN);
        assertThat(run.last().view().degradedProviders()).isEmpty();
        run = run.provider("openai", 0.5, Double.NaN);

        // then
        assertThat(run.last().view().degradedProviders()).containsExactly("openai");

        // and it stays degraded for 2 good intervals, restored after the 3rd
        run = run.provider("openai", 0.01, Double.NaN).provider("openai", 0.01, Double.NaN);
        assertThat(run.last().view().degradedProviders()).containsExactly("openai");
        run = run.provider("openai", 0.01, Double.NaN);
        assertThat(run.last().view().degradedProviders()).isEmpty();
        assertThat(run.last().view().reason()).isEqualTo("restored openai");
    }

    @Test
    void shouldMarkAProviderDegradedWhenTimeToFirstTokenStaysAboveTheThreshold() {
        Run run = start(settings(0, Set.of())).provider("anthropic", 0.0, 7.5).provider("anthropic", 0.0, 7.5);
        assertThat(run.last().view().degradedProviders()).containsExactly("anthropic");
    }

    @Test
    void shouldNotDegradeWhenBadIntervalsAreNotConsecutive() {
        Run run = start(settings(0, Set.of()))
                .provider("openai", 0.5, Double.NaN)
                .provider("openai", 0.0, Double.NaN)
                .provider("openai", 0.5, Double.NaN);
        assertThat(run.last().view().degradedProviders()).isEmpty();
    }

    @Test
    void shouldStartTheMonthsSpendAfreshWhenANewMonthBegins() {
        // given spend integrated in January
        TierPolicy policy = new TierPolicy(settings(1000, Set.of()));
        Instant lateJanuary = Instant.parse("2026-01-31T23:59:30Z");
        PolicyState state = policy.next(
                        PolicyState.initial(), new PolicyInputs(lateJanuary, OptionalDouble.of(1), Map.of()))
                .state();
        state = policy.next(state, new PolicyInputs(lateJanuary.plusSeconds(15), OptionalDouble.of(1), Map.of()))
                .state();
        assertThat(state.spentUsd()).isEqualTo(15.0);

        // when the next interval falls in February
        state = policy.next(state, new PolicyInputs(lateJanuary.plusSeconds(45), OptionalDouble.of(1), Map.of()))
                .state();

        // then only February's 15 s count
        assertThat(state.spentUsd()).isEqualTo(15.0);
        assertThat(state.monthStart()).isEqualTo(Instant.parse("2026-02-01T00:00:00Z"));
    }
}
