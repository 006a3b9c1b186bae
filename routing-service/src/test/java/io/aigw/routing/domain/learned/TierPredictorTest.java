package io.aigw.routing.domain.learned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TierPredictorTest {

    private static final float[] EAST = {1, 0};
    private static final float[] NORTH = {0, 1};
    private static final float[] NORTH_EAST = {0.8f, 0.6f};

    private static LabeledExample example(float[] embedding, int tier, double score) {
        return new LabeledExample(embedding, tier, score);
    }

    @Test
    void shouldMixTheNearestScoresWithTheTiersMeanWhenPredicting() {
        // given: tier 1 is right on the east prompts and wrong on the north ones; tier 3 is always right
        List<LabeledExample> examples = List.of(
                example(EAST, 1, 1),
                example(EAST, 1, 1),
                example(NORTH_EAST, 1, 1),
                example(NORTH, 1, 0),
                example(NORTH, 1, 0),
                example(EAST, 3, 1),
                example(NORTH, 3, 1));
        TierPredictor predictor = new TierPredictor(2, 2);

        // when
        Map<Integer, Double> east = predictor.predict(EAST, examples);
        Map<Integer, Double> north = predictor.predict(NORTH, examples);

        // then: tier 1's mean is 3/5; east: (1 + 1 + 2 * 0.6) / (2 + 2); north: (0 + 0 + 1.2) / 4
        assertThat(east.get(1)).isCloseTo(0.8, within(1e-12));
        assertThat(north.get(1)).isCloseTo(0.3, within(1e-12));
        // tier 3: both of its two examples are neighbours, all right: (2 + 2 * 1) / 4
        assertThat(east.get(3)).isCloseTo(1.0, within(1e-12));
        assertThat(east.keySet()).containsExactly(1, 3);
    }

    @Test
    void shouldUseTheNearestByCosineWhenATierHasMoreThanKExamples() {
        // given: north-east is nearer to east (0.8) than north is (0.0)
        List<LabeledExample> examples = List.of(example(NORTH, 1, 0), example(NORTH_EAST, 1, 0.5), example(EAST, 1, 1));
        TierPredictor predictor = new TierPredictor(2, 0);

        // when
        Map<Integer, Double> predictions = predictor.predict(EAST, examples);

        // then: without a prior, the mean of the two nearest
        assertThat(predictions).containsExactly(Map.entry(1, 0.75));
    }

    @Test
    void shouldPredictNothingWhenThereIsNoFeedback() {
        assertThat(new TierPredictor(20, 4).predict(EAST, List.of())).isEmpty();
    }

    @Test
    void shouldRejectAScoreOutsideZeroToOneWhenBuildingAnExample() {
        assertThatThrownBy(() -> example(EAST, 1, 1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("score must be within 0..1, was 1.5");
    }

    @Test
    void shouldRejectAnEmbeddingOfOtherDimensionsWhenPredicting() {
        assertThatThrownBy(() -> new TierPredictor(1, 0).predict(new float[] {1, 0, 0}, List.of(example(EAST, 1, 1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("embedding has 2 dimensions, the prompt's has 3");
    }

    @Test
    void shouldLowerTheCheaperTierForALongerPromptThanUsualWhenLengthCounts() {
        // given: both tiers always right, prompts of 10 and 1,000 characters (log-mean 100, sd ln 10)
        List<LabeledExample> examples = List.of(
                new LabeledExample(EAST, 1, 1, 10),
                new LabeledExample(EAST, 1, 1, 1_000),
                new LabeledExample(EAST, 3, 1, 10),
                new LabeledExample(EAST, 3, 1, 1_000));
        TierPredictor predictor = new TierPredictor(2, 0, 0.1);

        // when: a prompt one standard deviation longer than usual, and one as short as the shortest
        Map<Integer, Double> longer = predictor.predict(EAST, 1_000, examples);
        Map<Integer, Double> shorter = predictor.predict(EAST, 10, examples);

        // then: the cheap tier moves by the weight, clamped to 1; the top tier does not move
        assertThat(longer.get(1)).isCloseTo(0.9, within(1e-9));
        assertThat(longer.get(3)).isEqualTo(1.0);
        assertThat(shorter.get(1)).isEqualTo(1.0);
        assertThat(new TierPredictor(2, 0).predict(EAST, 1_000, examples).get(1))
                .isEqualTo(1.0);
    }
}
