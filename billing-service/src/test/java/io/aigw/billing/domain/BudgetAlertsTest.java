package io.aigw.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BudgetAlertsTest {

    private final BudgetAlerts alerts = new BudgetAlerts(List.of(50, 80, 100));

    @Test
    void shouldCrossEveryThresholdBetweenWhenOneIncreaseJumpsSeveral() {
        assertThat(alerts.crossed(400, 1_000, 1_000)).containsExactly(50, 80, 100);
    }

    @Test
    void shouldFireExactlyAtTheThresholdWhenSpendLandsOnIt() {
        assertThat(alerts.crossed(499, 500, 1_000)).containsExactly(50);
        assertThat(alerts.crossed(500, 501, 1_000)).isEmpty();
    }

    @Test
    void shouldFireNothingWhenTheBudgetIsUnlimitedOrZero() {
        assertThat(alerts.crossed(0, 1_000_000, -1)).isEmpty();
        assertThat(alerts.crossed(0, 1_000_000, 0)).isEmpty();
    }

    @Test
    void shouldNotRoundWhenTheBudgetIsNotAMultipleOfAHundred() {
        // 50 % of 333 nano-USD is 166.5: 166 has not reached it, 167 has
        assertThat(alerts.crossed(0, 166, 333)).isEmpty();
        assertThat(alerts.crossed(166, 167, 333)).containsExactly(50);
    }

    @Test
    void shouldRefuseThresholdsWhenNotAscending() {
        assertThatThrownBy(() -> new BudgetAlerts(List.of(80, 50))).isInstanceOf(IllegalArgumentException.class);
    }
}
