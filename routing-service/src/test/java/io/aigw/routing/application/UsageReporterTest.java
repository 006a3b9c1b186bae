package io.aigw.routing.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.aigw.api.usage.UsageEvent;
import io.aigw.routing.domain.Deployment;
import io.aigw.routing.domain.EscalationReason;
import io.aigw.routing.domain.Model;
import io.aigw.routing.domain.ModelCatalog;
import io.aigw.routing.domain.ModelGroup;
import io.aigw.routing.domain.Price;
import io.aigw.routing.domain.Provider;
import io.aigw.routing.domain.ProviderType;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UsageReporterTest {

    private static final Provider PROVIDER = new Provider(
            "p", ProviderType.OPENAI_COMPATIBLE, URI.create("http://127.0.0.1:1/v1"), "", Duration.ofSeconds(5));
    private static final Model CHEAP = model("cheap", 1, "0.10", "0.20");
    private static final Model PREMIUM = model("premium", 3, "10", "30");
    private static final Model PREMIUM_LITE = model("premium-lite", 3, "5", "15");
    private static final ModelCatalog CATALOG = new ModelCatalog(
            List.of(PROVIDER),
            List.of(CHEAP, PREMIUM, PREMIUM_LITE),
            List.of(new ModelGroup("cascade", "cascade", List.of("cheap", "premium"))));
    private static final Instant AT = Instant.parse("2026-06-01T12:00:00Z");

    private static Model model(String name, int tier, String in, String out) {
        return new Model(name, "p", name, tier, new Price(new BigDecimal(in), new BigDecimal(out)), 8192, Set.of());
    }

    @Test
    void shouldStampPricesAndCountEscalatedCostWhenACascadeAnswered() {
        Deployment cheap = new Deployment(CHEAP, PROVIDER);
        Deployment premium = new Deployment(PREMIUM, PROVIDER);
        Attempt wasted =
                new Attempt(cheap, new Usage(1000, 500, 0), CHEAP.price().cost(1000, 500), EscalationReason.TRUNCATED);
        Attempt accepted =
                new Attempt(premium, new Usage(1000, 200, 0), PREMIUM.price().cost(1000, 200), null);
        BigDecimal total = wasted.cost().add(accepted.cost());
        FinishedRequest request = new FinishedRequest(
                "req-1",
                "acme",
                "key-7",
                "cascade",
                premium,
                200,
                2,
                List.of(wasted, accepted),
                List.of(EscalationReason.TRUNCATED),
                new Usage(2000, 700, 0),
                total,
                Duration.ofMillis(1234),
                false,
                AT,
                "miss",
                BigDecimal.ZERO,
                "hold-9");

        UsageEvent event = new UsageReporter(CATALOG, UsageEvents.NONE).eventOf(request);

        assertThat(event.requestId()).isEqualTo("req-1");
        assertThat(event.tenantId()).isEqualTo("acme");
        assertThat(event.keyId()).isEqualTo("key-7");
        assertThat(event.requestedModel()).isEqualTo("cascade");
        assertThat(event.model()).isEqualTo("premium");
        assertThat(event.provider()).isEqualTo("p");
        assertThat(event.tier()).isEqualTo(3);
        assertThat(event.promptTokens()).isEqualTo(2000);
        assertThat(event.completionTokens()).isEqualTo(700);
        // 1000 x 0.10 + 500 x 0.20 = 200 µUSD wasted; 1000 x 10 + 200 x 30 = 16,000 µUSD accepted
        assertThat(event.escalationCostUsd()).isEqualByComparingTo("0.0002");
        assertThat(event.costUsd()).isEqualByComparingTo("0.0162");
        // the dearest tier-3 model prices "the same traffic at the top tier": 2000 x 10 + 700 x 30
        assertThat(event.topTierCostUsd()).isEqualByComparingTo("0.041");
        assertThat(event.escalations()).isEqualTo(1);
        assertThat(event.attempts()).isEqualTo(2);
        assertThat(event.status()).isEqualTo(200);
        assertThat(event.latencyMs()).isEqualTo(1234);
        assertThat(event.timestamp()).isEqualTo(AT);
        assertThat(event.inputPricePerMtok()).isEqualByComparingTo("10");
        assertThat(event.outputPricePerMtok()).isEqualByComparingTo("30");
        assertThat(event.cache()).isEqualTo("miss");
        assertThat(event.savedUsd()).isEqualByComparingTo("0");
        assertThat(event.holdId()).isEqualTo("hold-9");
    }

    @Test
    void shouldCarryTheCacheResultAndWhatItSavedWhenTheCacheAnswered() {
        FinishedRequest hit = new FinishedRequest(
                "req-3",
                "acme",
                null,
                "cheap",
                null,
                200,
                0,
                List.of(),
                List.of(),
                Usage.NONE,
                BigDecimal.ZERO,
                Duration.ofMillis(2),
                false,
                AT,
                "hit-semantic",
                new BigDecimal("0.0042"),
                null);

        UsageEvent event = new UsageReporter(CATALOG, UsageEvents.NONE).eventOf(hit);

        assertThat(event.cache()).isEqualTo("hit-semantic");
        assertThat(event.savedUsd()).isEqualByComparingTo("0.0042");
        assertThat(event.costUsd()).isEqualByComparingTo("0");
        assertThat(event.attempts()).isZero();
    }

    @Test
    void shouldPublishAnEventWithNoModelWhenNothingAnswered() {
        List<UsageEvent> published = new ArrayList<>();
        FinishedRequest failed = new FinishedRequest(
                "req-2",
                "acme",
                null,
                "cheap",
                null,
                502,
                1,
                List.of(),
                List.of(),
                Usage.NONE,
                BigDecimal.ZERO,
                Duration.ofMillis(5),
                true,
                AT,
                "bypass",
                BigDecimal.ZERO,
                null);

        new UsageReporter(CATALOG, published::add).report(failed);

        assertThat(published).singleElement().satisfies(event -> {
            assertThat(event.model()).isNull();
            assertThat(event.provider()).isNull();
            assertThat(event.tier()).isZero();
            assertThat(event.status()).isEqualTo(502);
            assertThat(event.costUsd()).isEqualByComparingTo("0");
            assertThat(event.topTierCostUsd()).isEqualByComparingTo("0");
            assertThat(event.cache()).isEqualTo("bypass");
        });
    }

    @Test
    void shouldCutAClientsOverlongModelNameToWhatTheLedgerKeepsWhenTheRequestFailed() {
        String model = "m".repeat(199) + "\uD83D\uDCA5" + "x".repeat(5_000);
        FinishedRequest request = new FinishedRequest(
                "req-2",
                "acme",
                "key-7",
                model,
                null,
                404,
                0,
                List.of(),
                List.of(),
                new Usage(0, 0, 0),
                BigDecimal.ZERO,
                Duration.ofMillis(3),
                false,
                AT,
                "bypass",
                BigDecimal.ZERO,
                null);

        UsageEvent event = new UsageReporter(CATALOG, UsageEvents.NONE).eventOf(request);

        // never more than billing accepts, and never half a surrogate pair
        assertThat(event.requestedModel()).isEqualTo("m".repeat(199));
    }
}
