package io.aigw.scaler.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HoltForecastTest {

    @Test
    void shouldExtrapolateTheTrendWhenTheSeriesIsLinear() {
        // given
        HoltForecast forecast =
                HoltForecast.start(0.5, 0.3).update(10).update(20).update(30).update(40);

        // when / then: a straight line is a fixed point of Holt's method
        assertThat(forecast.level()).isCloseTo(40, within(1e-9));
        assertThat(forecast.trend()).isCloseTo(10, within(1e-9));
        assertThat(forecast.forecast(3)).isCloseTo(70, within(1e-9));
    }

    @Test
    void shouldSmoothASpikeWhenAlphaIsBelowOne() {
        // given a flat series with one spike
        HoltForecast forecast =
                HoltForecast.start(0.5, 0.5).update(10).update(10).update(10).update(50);

        // then the level moves only half way: 0.5 × 50 + 0.5 × 10 = 30
        assertThat(forecast.level()).isCloseTo(30, within(1e-9));
    }

    @Test
    void shouldGiveNoForecastWhenFewerThanTwoValuesWentIn() {
        assertThat(HoltForecast.start(0.5, 0.5).update(10).forecast(4)).isNaN();
    }

    @Test
    void shouldNeverForecastBelowZeroWhenTheTrendFalls() {
        assertThat(HoltForecast.start(1, 1).update(10).update(2).forecast(5)).isZero();
    }

    @Test
    void shouldRejectAnAlphaOutsideTheUnitIntervalWhenStarted() {
        assertThatThrownBy(() -> HoltForecast.start(0, 0.5)).hasMessageContaining("alpha");
    }
}
