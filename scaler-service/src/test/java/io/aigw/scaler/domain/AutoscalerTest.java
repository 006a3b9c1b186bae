package io.aigw.scaler.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aigw.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each HPA rule pinned with a clock the test moves. Request-rate target: 10 req/s per replica. */
class AutoscalerTest {

    static final String ROUTING = "routing";
    static final MetricTarget RATE = new MetricTarget(Signal.REQUEST_RATE, 10);
    static final MetricTarget CPU = new MetricTarget(Signal.CPU, 0.5);
    static final MetricTarget P95 = new MetricTarget(Signal.LATENCY_P95, 2.0);

    final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T10:00:00Z"));

    Autoscaler autoscaler(ScalingBehavior behavior, MetricTarget... targets) {
        return new Autoscaler(clock, List.of(new WorkloadSpec(ROUTING, behavior, List.of(targets), Optional.empty())));
    }

    Autoscaler defaults(MetricTarget... targets) {
        return autoscaler(ScalingBehavior.defaults(1, 20), targets);
    }

    static Observations at(int current) {
        return Observations.of(ROUTING, current).pods(current, 0);
    }

    @Nested
    class Formula {

        @Test
        void shouldHoldWhenUsageIsWithinTheTolerance() {
            // given 4 replicas at 10.9 req/s each: ratio 1.09, inside 1 ± 0.1
            Autoscaler autoscaler = defaults(RATE);

            // when
            ReplicaDecision decision =
                    autoscaler.decide(at(4).perPod(Signal.REQUEST_RATE, 10.9).build());

            // then
            assertThat(decision.desiredReplicas()).isEqualTo(4);
            assertThat(decision.rule()).isEqualTo(Rule.WITHIN_TOLERANCE);
        }

        @Test
        void shouldScaleUpToCeilOfCurrentTimesRatioWhenUsageIsAboveTheTolerance() {
            // given 4 replicas at 12 req/s each: ratio 1.2 -> ceil(4.8) = 5
            Autoscaler autoscaler = defaults(RATE);

            // when
            ReplicaDecision decision =
                    autoscaler.decide(at(4).perPod(Signal.REQUEST_RATE, 12).build());

            // then
            assertThat(decision.desiredReplicas()).isEqualTo(5);
            assertThat(decision.rule()).isEqualTo(Rule.SCALE_UP);
        }

        @Test
        void shouldTakeTheLargestProposalWhenSeveralSignalsAsk() {
            // given rate asks for 5 (ratio 1.2 of 4), CPU for 8 (0.9 / 0.5 = 1.8 of 4 -> 7.2 -> 8)
            Autoscaler autoscaler = defaults(RATE, CPU);

            // when
            ReplicaDecision decision = autoscaler.decide(at(4).perPod(Signal.REQUEST_RATE, 12)
                    .perPod(Signal.CPU, 0.9)
                    .build());

            // then
            assertThat(decision.desiredReplicas()).isEqualTo(8);
            assertThat(decision.proposals())
                    .extracting(MetricProposal::replicas)
                    .containsExactly(5, 8);
        }

        @Test
        void shouldScaleOnTheWholeWorkloadValueWhenP95LatencyIsAboveTheSlo() {
            // given p95 3 s against an SLO of 2 s: ratio 1.5 of 4 ready replicas -> 6
            Autoscaler autoscaler = defaults(P95);

            // when
            ReplicaDecision decision =
                    autoscaler.decide(at(4).whole(Signal.LATENCY_P95, 3.0).build());

            // then
            assertThat(decision.desiredReplicas()).isEqualTo(6);
        }
    }

    @Nested
    class Stabilization {

        @Test
        void shouldKeepTheHighestRecommendationOfTheScaleDownWindowWhenLoadDrops() {
            // given 6 replicas asked for at t0
            Autoscaler autoscaler = defaults(RATE);
            assertThat(autoscaler
                            .decide(at(6).perPod(Signal.REQUEST_RATE, 10).build())
                            .desiredReplicas())
                    .isEqualTo(6);

            // when the load falls to a third of it 290 s later
            clock.advance(Duration.ofSeconds(290));
            ReplicaDecision held =
                    autoscaler.decide(at(6).perPod(Signal.REQUEST_RATE, 3).build());

            // then the window (300 s) still holds 6
            assertThat(held.desiredReplicas()).isEqualTo(6);
            assertThat(held.rule()).isEqualTo(Rule.STABILIZED);

            // and once the t0 recommendation is older than 300 s the count drops to the window's maximum
            clock.advance(Duration.ofSeconds(11));
            ReplicaDecision released =
                    autoscaler.decide(at(6).perPod(Signal.REQUEST_RATE, 3).build());
            assertThat(released.desiredReplicas()).isEqualTo(2);
            assertThat(released.rule()).isEqualTo(Rule.SCALE_DOWN);
        }

        @Test
        void shouldScaleUpAtOnceWhenTheScaleUpWindowIsZero() {
            // given a low recommendation a moment ago
            Autoscaler autoscaler = defaults(RATE);
            autoscaler.decide(at(4).perPod(Signal.REQUEST_RATE, 2).build());

            // when load jumps
            clock.advance(Duration.ofSeconds(15));
            ReplicaDecision decision =
                    autoscaler.decide(at(4).perPod(Signal.REQUEST_RATE, 20).build());

            // then
            assertThat(decision.desiredReplicas()).isEqualTo(8);
        }

        @Test
        void shouldKeepTheLowestRecommendationOfTheScaleUpWindowWhenOneIsConfigured() {
            // given a 60 s scale-up window and a recommendation of 4 at t0
            Autoscaler autoscaler = autoscaler(
                    ScalingBehavior.defaults(1, 20)
                            .withScaleUp(new ScalingRules(
                                    Duration.ofSeconds(60),
                                    ScalingRules.Select.MAX,
                                    ScalingRules.defaultScaleUp().policies())),
                    RATE);
            autoscaler.decide(at(4).perPod(Signal.REQUEST_RATE, 10).build());

            // when load doubles 30 s later
            clock.advance(Duration.ofSeconds(30));
            ReplicaDecision decision =
                    autoscaler.decide(at(4).perPod(Signal.REQUEST_RATE, 20).build());

            // then
            assertThat(decision.desiredReplicas()).isEqualTo(4);
            assertThat(decision.rule()).isEqualTo(Rule.STABILIZED);
        }
    }

    @Nested
    class RatePolicies {

        @Test
        void shouldAddAtMostFourPodsWhenFourIsMoreThanDoubling() {
            // given 1 replica, load for 20: max(100 % -> 2, +4 -> 5) = 5
            Autoscaler autoscaler = defaults(RATE);

            // when
            ReplicaDecision decision =
                    autoscaler.decide(at(1).perPod(Signal.REQUEST_RATE, 200).build());

            // then
            assertThat(decision.desiredReplicas()).isEqualTo(5);
            assertThat(decision.rule()).isEqualTo(Rule.SCALE_UP_LIMITED);
        }

        @Test
        void shouldAtMostDoubleWhenDoublingIsMoreThanFourPods() {
            // given 6 replicas, load for 18: max(12, 10) = 12
            Autoscaler autoscaler = defaults(RATE);

            // when
            ReplicaDecision decision =
                    autoscaler.decide(at(6).perPod(Signal.REQUEST_RATE, 30).build());

            // then
            assertThat(decision.desiredReplicas()).isEqualTo(12);
        }

        @Test
        void shouldCountChangesOfTheCurrentPeriodWhenLimitingTheNextScaleUp() {
            // given a scale from 1 to 5 that was applied at t0
            Autoscaler autoscaler = defaults(RATE);
            autoscaler.decide(at(1).perPod(Signal.REQUEST_RATE, 200).build());
            autoscaler.scaled(ROUTING, 1, 5);

            // when 10 s later the load still asks for more, the period started at 1: limit max(2, 5) = 5
            clock.advance(Duration.ofSeconds(10));
            ReplicaDecision within =
                    autoscaler.decide(at(5).perPod(Signal.REQUEST_RATE, 40).build());

            // then
            assertThat(within.desiredReplicas()).isEqualTo(5);
            assertThat(within.rule()).isEqualTo(Rule.SCALE_UP_LIMITED);

            // and once the period has passed the limit is max(10, 9)
            clock.advance(Duration.ofSeconds(6));
            assertThat(autoscaler
                            .decide(at(5).perPod(Signal.REQUEST_RATE, 40).build())
                            .desiredReplicas())
                    .isEqualTo(10);
        }

        @Test
        void shouldRemoveAtMostTheConfiguredPodsWhenAScaleDownPolicyLimitsIt() {
            // given no scale-down window and at most 1 pod per 60 s
            Autoscaler autoscaler = autoscaler(
                    ScalingBehavior.defaults(1, 20)
                            .withScaleDown(new ScalingRules(
                                    Duration.ZERO,
                                    ScalingRules.Select.MAX,
                                    List.of(ScalingPolicy.pods(1, Duration.ofSeconds(60))))),
                    RATE);

            // when 5 replicas see load for 1
            ReplicaDecision decision =
                    autoscaler.decide(at(5).perPod(Signal.REQUEST_RATE, 1).build());

            // then
            assertThat(decision.desiredReplicas()).isEqualTo(4);
            assertThat(decision.rule()).isEqualTo(Rule.SCALE_DOWN_LIMITED);
        }

        @Test
        void shouldNotScaleUpWhenTheScaleUpDirectionIsDisabled() {
            // given
            Autoscaler autoscaler = autoscaler(
                    ScalingBehavior.defaults(1, 20)
                            .withScaleUp(new ScalingRules(Duration.ZERO, ScalingRules.Select.DISABLED, List.of())),
                    RATE);

            // when
            ReplicaDecision decision =
                    autoscaler.decide(at(2).perPod(Signal.REQUEST_RATE, 50).build());

            // then
            assertThat(decision.desiredReplicas()).isEqualTo(2);
        }
    }

    @Nested
    class MissingMetrics {

        @Test
        void shouldNotScaleDownWhenOneSignalIsMissing() {
            // given rate asks for 2 of 6, CPU is missing
            Autoscaler autoscaler = defaults(RATE, CPU);

            // when
            ReplicaDecision decision = autoscaler.decide(
                    at(6).perPod(Signal.REQUEST_RATE, 3).missing(Signal.CPU).build());

            // then
            assertThat(decision.desiredReplicas()).isEqualTo(6);
            assertThat(decision.rule()).isEqualTo(Rule.MISSING_METRIC);
        }

        @Test
        void shouldStillScaleUpWhenOneSignalIsMissingAndAnotherAsksForMore() {
            // given
            Autoscaler autoscaler = defaults(RATE, CPU);

            // when
            ReplicaDecision decision = autoscaler.decide(
                    at(4).perPod(Signal.REQUEST_RATE, 15).missing(Signal.CPU).build());

            // then
            assertThat(decision.desiredReplicas()).isEqualTo(6);
        }

        @Test
        void shouldHoldWhenNoSignalHasData() {
            // given
            Autoscaler autoscaler = defaults(RATE, CPU);

            // when
            ReplicaDecision decision =
                    autoscaler.decide(at(4).missing(Signal.REQUEST_RATE).build());

            // then
            assertThat(decision.desiredReplicas()).isEqualTo(4);
            assertThat(decision.rule()).isEqualTo(Rule.NO_DATA);
        }

        @Test
        void shouldCountPodsWithoutMetricsAsAtTargetWhenScalingDown() {
            // given 4 ready pods, 2 report 2 req/s, 2 report nothing: (2 + 2 + 10 + 10) / 4 = 6 -> ceil(0.6 × 4) = 3
            Autoscaler autoscaler = autoscaler(
                    ScalingBehavior.defaults(1, 20)
                            .withScaleDown(new ScalingRules(
                                    Duration.ZERO,
                                    ScalingRules.Select.MAX,
                                    ScalingRules.defaultScaleDown().policies())),
                    RATE);

            // when
            ReplicaDecision decision =
                    autoscaler.decide(at(4).perPod(Signal.REQUEST_RATE, 2, 2).build());

            // then (without filling in, it would be ceil(0.2 × 2) = 1)
            assertThat(decision.desiredReplicas()).isEqualTo(3);
        }

        @Test
        void shouldCountPodsWithoutMetricsAsIdleWhenScalingUp() {
            // given 4 ready pods, 2 report 30 req/s, 2 nothing: (30 + 30 + 0 + 0) / 4 = 15 -> ceil(1.5 × 4) = 6
            Autoscaler autoscaler = defaults(RATE);

            // when
            ReplicaDecision decision =
                    autoscaler.decide(at(4).perPod(Signal.REQUEST_RATE, 30, 2).build());

            // then (without filling in, it would be ceil(3 × 2) = 6 too, but from 2 pods; pin the filled note)
            assertThat(decision.desiredReplicas()).isEqualTo(6);
            assertThat(decision.proposals().get(0).note()).startsWith("2 missing, 0 not ready");
        }

        @Test
        void shouldCountPodsThatAreNotReadyAsIdleWhenScalingUp() {
            // given 2 ready pods at 20 req/s and 2 still starting: (20 + 20 + 0 + 0) / 4 = 10, ratio 1
            Autoscaler autoscaler = defaults(RATE);

            // when
            ReplicaDecision decision = autoscaler.decide(Observations.of(ROUTING, 4)
                    .pods(2, 2)
                    .perPod(Signal.REQUEST_RATE, 20)
                    .build());

            // then the starting pods are expected to take their share: no further scale-up
            assertThat(decision.desiredReplicas()).isEqualTo(4);
        }

        @Test
        void shouldHoldWhenFillingInWouldReverseTheDirection() {
            // given 3 ready pods: 1 reports 9 (ratio 0.9 → 1 - 0.1 boundary is within tolerance), use 5: ratio 0.5
            // filled with 10, 10: (5 + 10 + 10) / 3 = 8.33 -> ratio 0.83 -> ceil(2.5) = 3 = current: hold
            Autoscaler autoscaler = defaults(RATE);

            // when
            ReplicaDecision decision =
                    autoscaler.decide(at(3).perPod(Signal.REQUEST_RATE, 5, 1).build());

            // then
            assertThat(decision.desiredReplicas()).isEqualTo(3);
        }
    }

    @Nested
    class Bounds {

        @Test
        void shouldStopAtTheMaximumWhenSignalsAskForMore() {
            // given max 6; 4 replicas ask for 20 (the rate limit would allow 8)
            Autoscaler autoscaler = autoscaler(ScalingBehavior.defaults(1, 6), RATE);

            // when
            ReplicaDecision decision =
                    autoscaler.decide(at(4).perPod(Signal.REQUEST_RATE, 50).build());

            // then
            assertThat(decision.desiredReplicas()).isEqualTo(6);
            assertThat(decision.rule()).isEqualTo(Rule.AT_MAX);
        }

        @Test
        void shouldStopAtTheMinimumWhenSignalsAskForLess() {
            // given min 3, no scale-down window
            Autoscaler autoscaler = autoscaler(
                    ScalingBehavior.defaults(3, 10)
                            .withScaleDown(new ScalingRules(
                                    Duration.ZERO,
                                    ScalingRules.Select.MAX,
                                    ScalingRules.defaultScaleDown().policies())),
                    RATE);

            // when
            ReplicaDecision decision =
                    autoscaler.decide(at(5).perPod(Signal.REQUEST_RATE, 1).build());

            // then
            assertThat(decision.desiredReplicas()).isEqualTo(3);
            assertThat(decision.rule()).isEqualTo(Rule.AT_MIN);
        }

        @Test
        void shouldReturnToTheMaximumWhenTheWorkloadRunsAboveIt() {
            // given
            Autoscaler autoscaler = autoscaler(ScalingBehavior.defaults(1, 6), RATE);

            // when
            ReplicaDecision decision =
                    autoscaler.decide(at(9).perPod(Signal.REQUEST_RATE, 50).build());

            // then
            assertThat(decision.desiredReplicas()).isEqualTo(6);
            assertThat(decision.rule()).isEqualTo(Rule.ABOVE_MAX);
        }

        @Test
        void shouldRaiseToTheMinimumWhenTheWorkloadRunsBelowItEvenWithoutData() {
            // given
            Autoscaler autoscaler = autoscaler(ScalingBehavior.defaults(2, 6), RATE);

            // when
            ReplicaDecision decision =
                    autoscaler.decide(at(1).missing(Signal.REQUEST_RATE).build());

            // then
            assertThat(decision.desiredReplicas()).isEqualTo(2);
            assertThat(decision.rule()).isEqualTo(Rule.BELOW_MIN);
        }

        @Test
        void shouldRejectAMaximumBelowTheMinimumWhenConfigured() {
            assertThatThrownBy(() -> ScalingBehavior.defaults(5, 4))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("maxReplicas (4)");
        }
    }

    @Nested
    class PredictiveFloor {

        Autoscaler withForecast() {
            return new Autoscaler(
                    clock,
                    List.of(new WorkloadSpec(
                            ROUTING,
                            ScalingBehavior.defaults(1, 20),
                            List.of(RATE),
                            Optional.of(
                                    new ForecastSettings(1.0, 1.0, Duration.ofSeconds(60), Duration.ofSeconds(15))))));
        }

        @Test
        void shouldRaiseReplicasAheadOfARampWhenTheForecastRises() {
            // given a rate growing by 5 req/s every 15 s, served at target by 2 then 3 replicas
            Autoscaler autoscaler = withForecast();
            autoscaler.decide(
                    at(2).perPod(Signal.REQUEST_RATE, 10).totalRate(20).build());
            clock.advance(Duration.ofSeconds(15));

            // when 25 req/s arrive on 3 replicas (8.33 each: the signal alone would scale down, held by the window)
            ReplicaDecision decision = autoscaler.decide(
                    at(3).perPod(Signal.REQUEST_RATE, 25 / 3.0).totalRate(25).build());

            // then 60 s ahead the forecast is 25 + 4 × 5 = 45 req/s: 5 replicas now
            assertThat(decision.floor()).isEqualTo(5);
            assertThat(decision.desiredReplicas()).isEqualTo(5);
            assertThat(decision.rule()).isEqualTo(Rule.PREDICTIVE_FLOOR);
        }

        @Test
        void shouldNeverLowerTheSignalsRecommendationWhenTheForecastFalls() {
            // given a falling rate
            Autoscaler autoscaler = withForecast();
            autoscaler.decide(
                    at(4).perPod(Signal.REQUEST_RATE, 20).totalRate(80).build());
            clock.advance(Duration.ofSeconds(15));

            // when the signals still ask for 8
            ReplicaDecision decision = autoscaler.decide(
                    at(4).perPod(Signal.REQUEST_RATE, 15).totalRate(60).build());

            // then the floor (none) changes nothing: ceil(1.5 × 4) = 6
            assertThat(decision.floor()).isZero();
            assertThat(decision.desiredReplicas()).isEqualTo(6);
            assertThat(decision.rule()).isEqualTo(Rule.SCALE_UP);
        }

        @Test
        void shouldIgnoreTheForecastWhenThePlainHpaIsConfigured() {
            // given the same ramp without a forecast
            Autoscaler autoscaler = defaults(RATE);
            autoscaler.decide(
                    at(2).perPod(Signal.REQUEST_RATE, 10).totalRate(20).build());
            clock.advance(Duration.ofSeconds(15));

            // when
            ReplicaDecision decision = autoscaler.decide(
                    at(3).perPod(Signal.REQUEST_RATE, 25 / 3.0).totalRate(25).build());

            // then
            assertThat(decision.floor()).isZero();
            assertThat(decision.desiredReplicas()).isEqualTo(3);
        }
    }
}
