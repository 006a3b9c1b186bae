package io.aigw.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class TokenEstimateTest {

    private final TokenEstimate estimate = new TokenEstimate(512, 32_768);

    @Test
    void shouldChargeAQuarterOfTheBodyPlusTheAskedOutputWhenMaxTokensIsSet() {
        assertThat(estimate.of(401, OptionalLong.of(100), true)).isEqualTo(101 + 100);
    }

    @Test
    void shouldChargeTheDefaultOutputWhenAGeneratingRequestSetsNoMaximum() {
        assertThat(estimate.of(400, OptionalLong.empty(), true)).isEqualTo(100 + 512);
    }

    @Test
    void shouldChargeOnlyTheBodyWhenTheRequestGeneratesNothing() {
        assertThat(estimate.of(400, OptionalLong.of(100), false)).isEqualTo(100);
        assertThat(estimate.of(0, OptionalLong.empty(), false)).isZero();
    }

    @Test
    void shouldStayWithinTheBoundWhenTheRequestAsksForAHugeOutput() {
        assertThat(estimate.of(400, OptionalLong.of(Long.MAX_VALUE), true)).isEqualTo(32_768);
    }

    @Test
    void shouldRejectTheConfigurationWhenTheBoundIsNotPositive() {
        assertThatThrownBy(() -> new TokenEstimate(512, 0))
                .hasMessageContaining("max estimate must be positive, was 0");
    }
}
