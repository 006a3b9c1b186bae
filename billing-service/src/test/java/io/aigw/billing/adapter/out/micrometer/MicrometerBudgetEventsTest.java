package io.aigw.billing.adapter.out.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.aigw.billing.domain.BudgetStanding;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class MicrometerBudgetEventsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MicrometerBudgetEvents events = new MicrometerBudgetEvents(registry, List.of(50, 80, 100));

    private static BudgetStanding standing(String tenant, String budget, String spent) {
        return new BudgetStanding(tenant, new BigDecimal(budget), new BigDecimal(spent));
    }

    @Test
    void shouldExportBudgetSpendAndZeroAlertsPerTenantWhenStandingsArrive() {
        events.standings(List.of(standing("acme", "100", "12.5")));

        assertThat(registry.get("aigw.budget.monthly.usd")
                        .tag("tenant", "acme")
                        .gauge()
                        .value())
                .isEqualTo(100);
        assertThat(registry.get("aigw.budget.spent.usd")
                        .tag("tenant", "acme")
                        .gauge()
                        .value())
                .isEqualTo(12.5);
        assertThat(registry.get("aigw.budget.alerts").tag("tenant", "acme").counters())
                .extracting(c -> c.getId().getTag("threshold"))
                .containsExactlyInAnyOrder("50", "80", "100");
    }

    @Test
    void shouldFollowTheSpendAndDropTheGaugesWhenTheBudgetGoes() {
        events.standings(List.of(standing("acme", "100", "1"), standing("globex", "5", "0")));

        // when: acme spent more, globex moved to a plan without a budget
        events.standings(List.of(standing("acme", "100", "81")));

        // then
        assertThat(registry.get("aigw.budget.spent.usd")
                        .tag("tenant", "acme")
                        .gauge()
                        .value())
                .isEqualTo(81);
        assertThat(registry.find("aigw.budget.spent.usd")
                        .tag("tenant", "globex")
                        .gauge())
                .isNull();
        assertThat(registry.find("aigw.budget.monthly.usd")
                        .tag("tenant", "globex")
                        .gauge())
                .isNull();
    }
}
