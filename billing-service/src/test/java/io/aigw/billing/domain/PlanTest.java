package io.aigw.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlanTest {

    @Test
    void shouldAllowEveryModelWhenTheListIsEmpty() {
        Plan plan = plan(List.of(), Optional.empty());

        assertThat(plan.allows("gpt-4o")).isTrue();
        assertThat(plan.allows("auto")).isTrue();
    }

    @Test
    void shouldAllowOnlyListedModelsWhenTheListIsSet() {
        Plan plan = plan(List.of("gpt-4o-mini", "auto", "auto"), Optional.empty());

        assertThat(plan.allows("auto")).isTrue();
        assertThat(plan.allows("gpt-4o")).isFalse();
        assertThat(plan.allowedModels()).containsExactly("gpt-4o-mini", "auto");
    }

    @Test
    void shouldNameTheFieldWhenALimitIsNotPositive() {
        assertThatThrownBy(() -> new Plan(
                        "free",
                        Optional.of(0L),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        1,
                        List.of(),
                        Optional.empty()))
                .isInstanceOfSatisfying(BillingException.InvalidInput.class, e -> assertThat(e.field())
                        .isEqualTo("requests_per_day"));
    }

    @Test
    void shouldRefuseTheTierWhenOutsideOneToThree() {
        assertThatThrownBy(() -> new Plan(
                        "free",
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        4,
                        List.of(),
                        Optional.empty()))
                .isInstanceOfSatisfying(BillingException.InvalidInput.class, e -> assertThat(e.field())
                        .isEqualTo("max_tier"));
    }

    @Test
    void shouldRefuseTheBudgetWhenNegativeOrTooPrecise() {
        assertThatThrownBy(() -> plan(List.of(), Optional.of(new BigDecimal("-1"))))
                .isInstanceOf(BillingException.InvalidInput.class);
        assertThatThrownBy(() -> plan(List.of(), Optional.of(new BigDecimal("0.0000001"))))
                .isInstanceOf(BillingException.InvalidInput.class);
    }

    @Test
    void shouldRefuseAModelNameWhenItCouldNotBeStored() {
        assertThatThrownBy(() -> plan(List.of("a,b"), Optional.empty()))
                .isInstanceOfSatisfying(BillingException.InvalidInput.class, e -> assertThat(e.field())
                        .isEqualTo("allowed_models"));
    }

    private static Plan plan(List<String> models, Optional<BigDecimal> budget) {
        return new Plan(
                "basic", Optional.of(10L), Optional.empty(), Optional.empty(), Optional.empty(), 2, models, budget);
    }

    @Test
    void shouldNameTheFieldWhenAnAllowedModelIsNull() {
        List<String> models = java.util.Arrays.asList(null, "a");

        assertThatThrownBy(() -> plan(models, Optional.empty()))
                .isInstanceOfSatisfying(BillingException.InvalidInput.class, e -> assertThat(e.field())
                        .isEqualTo("allowed_models"));
    }
}
