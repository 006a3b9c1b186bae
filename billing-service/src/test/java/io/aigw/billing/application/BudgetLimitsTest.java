package io.aigw.billing.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aigw.billing.domain.BillingException;
import io.aigw.billing.domain.Plan;
import io.aigw.billing.domain.Tenant;
import io.aigw.testsupport.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

class BudgetLimitsTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    private final InMemoryStores stores = new InMemoryStores();
    private final MutableClock clock = new MutableClock(T0);
    private final List<String> publications = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final PublishedLimits published = new PublishedLimits() {
        @Override
        public Mono<Void> publish(String tenantId, long nanos) {
            return Mono.fromRunnable(() -> publications.add(tenantId + "=" + nanos));
        }

        @Override
        public Mono<Void> withdraw(String tenantId) {
            return Mono.fromRunnable(() -> publications.add(tenantId + " withdrawn"));
        }
    };
    private final BudgetLimits limits = new BudgetLimits(
            stores.tenantDirectory,
            stores.planCatalog,
            published,
            new Blocking(Schedulers.immediate()),
            clock,
            Duration.ofSeconds(5));

    private static Plan plan(String budget) {
        return new Plan(
                "team",
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                3,
                List.of(),
                Optional.ofNullable(budget).map(BigDecimal::new));
    }

    @BeforeEach
    void tenantOnABudget() {
        stores.plans.put("team", plan("2"));
        stores.tenants.put("acme", new Tenant("acme", "Acme", "team", T0, T0));
    }

    @Test
    void shouldRememberTheBudgetForItsTtlThenReadItAgain() {
        assertThat(limits.nanos("acme").block()).isEqualTo(2_000_000_000L);
        // changed behind its back (another replica's admin API): still the remembered value
        stores.plans.put("team", plan("3"));
        clock.set(T0.plusSeconds(4));
        assertThat(limits.nanos("acme").block()).isEqualTo(2_000_000_000L);

        clock.set(T0.plusSeconds(5));
        assertThat(limits.nanos("acme").block()).isEqualTo(3_000_000_000L);
    }

    @Test
    void shouldSeeAChangeMadeHereAtOnceAndWithdrawWhatRoutingHolds() {
        limits.nanos("acme").block();
        stores.plans.put("team", plan(null));
        limits.forget("acme").block();

        assertThat(limits.nanos("acme").block()).isEqualTo(-1L);
        assertThat(publications).containsExactly("acme=2000000000", "acme withdrawn", "acme=-1");
    }

    @Test
    void shouldPublishOnlyWhatItReadFromTheDatabase() {
        limits.nanos("acme").block();
        limits.nanos("acme").block();

        assertThat(publications).containsExactly("acme=2000000000");
    }

    @Test
    void shouldNotRememberAnUnknownTenant() {
        assertThatThrownBy(() -> limits.nanos("globex").block()).isInstanceOf(BillingException.NotFound.class);
        stores.tenants.put("globex", new Tenant("globex", "Globex", "team", T0, T0));

        assertThat(limits.nanos("globex").block()).isEqualTo(2_000_000_000L);
    }
}
