package io.aigw.routing.domain.learned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Calibration on feedback with a known shape: ten prompts on a quarter circle; the cheap tier (1) is
 * right on the first {@code easy} of them and wrong on the rest, the top tier (3) is right on all. With
 * k = 1 and no prior, each prompt's leave-one-out prediction is its nearest other prompt's score.
 */
class ThresholdCalibrationTest {

    private static final List<Integer> TIERS = List.of(1, 3);

    private final TierPredictor predictor = new TierPredictor(1, 0);
    private final ThresholdCalibration gap =
            new ThresholdCalibration(predictor, new LearnedTierChoice(1, LearnedTierChoice.Rule.GAP), 100);

    private static List<LabeledExample> feedback(int easy) {
        List<LabeledExample> examples = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            double angle = Math.PI / 2 * i / 9;
            float[] at = {(float) Math.cos(angle), (float) Math.sin(angle)};
            examples.add(new LabeledExample(at, 1, i < easy ? 1 : 0));
            examples.add(new LabeledExample(at, 3, 1));
        }
        return examples;
    }

    @Test
    void shouldKeepTheTopTierShareWithinTheTargetWhenCalibrating() {
        // given: the cheap tier fails 4 of 10 prompts (the leave-one-out predictions say so for 3 of them:
        // the boundary prompt's nearest neighbour is an easy one)
        List<LabeledExample> examples = feedback(6);

        // when
        Calibration half = gap.calibrate(TIERS, examples, new LearnedTarget.TopTierShare(0.5));
        Calibration tenth = gap.calibrate(TIERS, examples, new LearnedTarget.TopTierShare(0.1));

        // then: half allows every prompt predicted to need the top tier, a tenth allows none of them
        assertThat(half.expectedTopTierShare()).isCloseTo(0.3, within(1e-9));
        assertThat(half.expectedQuality()).isCloseTo(1.0, within(1e-9));
        assertThat(tenth.expectedTopTierShare()).isLessThanOrEqualTo(0.1);
        assertThat(tenth.expectedQuality()).isCloseTo(0.7, within(1e-9));
        assertThat(half.targetMet()).isTrue();
        assertThat(half.prompts()).isEqualTo(10);
    }

    @Test
    void shouldSpendNoMoreTopTierThanTheQualityNeedsWhenCalibrating() {
        List<LabeledExample> examples = feedback(6);

        // when: 0.7 is what the cheap tier alone is predicted to reach
        Calibration cheap = gap.calibrate(TIERS, examples, new LearnedTarget.Quality(0.7));
        Calibration best = gap.calibrate(TIERS, examples, new LearnedTarget.Quality(1.0));

        // then
        assertThat(cheap.expectedTopTierShare()).isZero();
        assertThat(cheap.targetMet()).isTrue();
        assertThat(best.expectedTopTierShare()).isCloseTo(0.3, within(1e-9));
        assertThat(best.expectedQuality()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void shouldRouteTheCalibrationPromptsAsTheThresholdSaysWhenApplied() {
        // given: the calibrated threshold is applied to the same predictions by the rule itself
        List<LabeledExample> examples = feedback(6);
        LearnedTierChoice choice = new LearnedTierChoice(1, LearnedTierChoice.Rule.GAP);
        Calibration half = gap.calibrate(TIERS, examples, new LearnedTarget.TopTierShare(0.5));

        // when
        int top = 0;
        for (int i = 0; i < examples.size(); i += 2) {
            var p = predictor.predict(examples.get(i).embedding(), 0, examples, ThresholdCalibration.SAME_PROMPT);
            top += choice.chosenIndex(new double[] {p.get(1), p.get(3)}, half.threshold()) == 1 ? 1 : 0;
        }

        // then
        assertThat(top).isEqualTo(3);
    }

    @Test
    void shouldSayTheTargetIsNotMetWhenNoThresholdReachesTheQuality() {
        // given: even the top tier is wrong half the time
        List<LabeledExample> examples = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            float[] at = {i, 1};
            examples.add(new LabeledExample(normal(at), 1, 0));
            examples.add(new LabeledExample(normal(at), 3, i % 2));
        }

        Calibration calibration = gap.calibrate(TIERS, examples, new LearnedTarget.Quality(0.9));

        assertThat(calibration.targetMet()).isFalse();
        assertThat(calibration.expectedQuality()).isLessThan(0.9);
    }

    @Test
    void shouldCalibrateTheProbabilityRuleTheOtherWayRoundWhenConfigured() {
        // given: the probability rule sends to the top tier when p(cheap) is below the threshold
        ThresholdCalibration probability =
                new ThresholdCalibration(predictor, new LearnedTierChoice(1, LearnedTierChoice.Rule.PROBABILITY), 100);

        Calibration calibration = probability.calibrate(TIERS, feedback(6), new LearnedTarget.TopTierShare(0.5));

        assertThat(calibration.expectedTopTierShare()).isCloseTo(0.3, within(1e-9));
        assertThat(calibration.threshold()).isGreaterThan(0).isLessThanOrEqualTo(1);
    }

    @Test
    void shouldRefuseATargetOutsideZeroToOneWhenBuilt() {
        assertThatThrownBy(() -> new LearnedTarget.TopTierShare(1.5))
                .hasMessageContaining("top-tier share must be within 0..1, was 1.5");
        assertThatThrownBy(() -> LearnedTarget.of(0.3, 0.8)).hasMessageContaining("not both");
    }

    private static float[] normal(float[] v) {
        double length = Math.sqrt(v[0] * v[0] + v[1] * v[1]);
        return new float[] {(float) (v[0] / length), (float) (v[1] / length)};
    }
}
