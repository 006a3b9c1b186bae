package io.aigw.billing.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aigw.billing.domain.BillingException;
import io.aigw.billing.domain.KeyMaterial;
import io.aigw.billing.domain.Plan;
import io.aigw.billing.domain.Tenant;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Schedulers;

class KeyServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-15T12:00:00Z");

    private final InMemoryStores stores = new InMemoryStores();
    private final KeyService keys = new KeyService(
            stores.keyStore,
            stores.tenantDirectory,
            stores.planCatalog,
            stores.invalidations,
            new KeyMaterial(new SecureRandom()),
            new Blocking(Schedulers.immediate()),
            Clock.fixed(NOW, ZoneOffset.UTC),
            Duration.ofSeconds(60));

    @BeforeEach
    void givenATenantOnAPlan() {
        stores.plans.put(
                "pro",
                new Plan(
                        "pro",
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        3,
                        List.of(),
                        Optional.empty()));
        stores.tenantDirectory.add(new Tenant("acme", "Acme", "pro", NOW, NOW));
    }

    @Test
    void shouldStoreOnlyTheHashWhenAKeyIsCreated() {
        CreatedKey created = keys.create("acme", "ci", Optional.empty()).block();

        assertThat(stores.keys.get(created.key().id()).hash()).isEqualTo(KeyMaterial.hash(created.secret()));
        assertThat(stores.keys.get(created.key().id()).toString()).doesNotContain(created.secret());
        assertThat(created.toString()).doesNotContain(created.secret());
    }

    @Test
    void shouldShortenTheCacheTimeWhenTheKeyExpiresSooner() {
        CreatedKey created =
                keys.create("acme", "ci", Optional.of(NOW.plusSeconds(15))).block();

        KeyResolution resolution = keys.resolve(created.key().hash()).block();

        assertThat(resolution.cacheFor()).isEqualTo(Duration.ofSeconds(15));
        assertThat(resolution.tenantId()).isEqualTo("acme");
        assertThat(resolution.plan().name()).isEqualTo("pro");
    }

    @Test
    void shouldResolveNothingAndTellTheGatewaysWhenRevoked() {
        CreatedKey created = keys.create("acme", "ci", Optional.empty()).block();

        keys.revoke("acme", created.key().id()).block();

        assertThat(keys.resolve(created.key().hash()).blockOptional()).isEmpty();
        assertThat(stores.revokedHashes).containsExactly(created.key().hash());
    }

    @Test
    void shouldRefuseRevocationWhenTheKeyBelongsToAnotherTenant() {
        CreatedKey created = keys.create("acme", "ci", Optional.empty()).block();
        stores.tenantDirectory.add(new Tenant("other", "Other", "pro", NOW, NOW));

        assertThatThrownBy(() -> keys.revoke("other", created.key().id()).block())
                .isInstanceOf(BillingException.NotFound.class);
    }

    @Test
    void shouldRefuseTheExpiryWhenItIsNotInTheFuture() {
        assertThatThrownBy(() -> keys.create("acme", "ci", Optional.of(NOW)).block())
                .isInstanceOfSatisfying(BillingException.InvalidInput.class, e -> assertThat(e.field())
                        .isEqualTo("expires_at"));
    }

    @Test
    void shouldSeedTheDemoKeyOnceWhenStartedTwice() {
        String first =
                keys.seedDemo("aigw-demo-secret-0123456789", "demo", "pro").block();
        String second =
                keys.seedDemo("aigw-demo-secret-0123456789", "demo", "pro").block();

        assertThat(second).isEqualTo(first);
        assertThat(stores.keys).hasSize(1);
        assertThat(stores.tenants).containsKey("demo");
        assertThat(keys.resolve(KeyMaterial.hash("aigw-demo-secret-0123456789"))
                        .block()
                        .tenantId())
                .isEqualTo("demo");
    }
}
