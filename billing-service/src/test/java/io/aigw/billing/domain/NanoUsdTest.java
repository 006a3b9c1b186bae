package io.aigw.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class NanoUsdTest {

    @Test
    void shouldRoundUpWhenTheAmountHasMoreThanNineDecimals() {
        assertThat(NanoUsd.ceil(new BigDecimal("0.0000000001"))).isEqualTo(1L);
        assertThat(NanoUsd.ceil(new BigDecimal("1.25"))).isEqualTo(1_250_000_000L);
    }

    @Test
    void shouldReadBackExactlyWhenConverted() {
        assertThat(NanoUsd.toUsd(1_250_000_000L)).isEqualTo(new BigDecimal("1.25"));
        assertThat(NanoUsd.toUsd(0)).isEqualTo(BigDecimal.ZERO);
    }

    @Test
    void shouldRefuseTheAmountWhenNegativeOrBeyondExactLuaNumbers() {
        assertThatThrownBy(() -> NanoUsd.ceil(new BigDecimal("-0.01")))
                .isInstanceOf(BillingException.InvalidInput.class);
        assertThatThrownBy(() -> NanoUsd.ceil(new BigDecimal("10000000")))
                .isInstanceOf(BillingException.InvalidInput.class);
    }
}
