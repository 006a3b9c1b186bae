package io.aigw.billing.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aigw.billing.domain.BillingException;
import io.aigw.billing.domain.Plan;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Schedulers;

class PlanServiceTest {

    private final InMemoryStores stores = new InMemoryStores();
    private final PlanService plans = new PlanService(
            stores.planCatalog,
            stores.tenantDirectory,
            stores.keyStore,
            stores.invalidations,
            new BudgetLimits(
                    stores.tenantDirectory,
                    stores.planCatalog,
                    PublishedLimits.NONE,
                    new Blocking(Schedulers.immediate()),
                    java.time.Clock.systemUTC(),
                    java.time.Duration.ofSeconds(5)),
            new Blocking(Schedulers.immediate()));

    private static Plan tiny(String budget) {
        return new Plan(
                "tiny",
                Optional.empty(),
                Optional.empty(),
                Optional.of(1000L),
                Optional.empty(),
                1,
                List.of("gpt-4o-mini"),
                Optional.of(new BigDecimal(budget)));
    }

    @Test
    void shouldAddAPlanThatCanThenBeReadAndEdited() {
        assertThat(plans.create(tiny("0.05")).block()).isEqualTo(tiny("0.05"));

        assertThat(plans.get("tiny").block()).isEqualTo(tiny("0.05"));
        assertThat(plans.update(tiny("0.10")).block()).isEqualTo(tiny("0.10"));
        assertThat(plans.get("tiny").block().monthlyBudgetUsd()).contains(new BigDecimal("0.10"));
        assertThat(stores.changedHashes).isEmpty();
    }

    @Test
    void shouldRefuseToAddAPlanWhenTheNameIsTaken() {
        plans.create(tiny("0.05")).block();

        assertThatThrownBy(() -> plans.create(tiny("9")).block()).isInstanceOf(BillingException.Conflict.class);
        assertThat(plans.get("tiny").block().monthlyBudgetUsd()).contains(new BigDecimal("0.05"));
    }
}
