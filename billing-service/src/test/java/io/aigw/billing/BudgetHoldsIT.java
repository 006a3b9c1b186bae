package io.aigw.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aigw.billing.application.BudgetService;
import io.aigw.billing.application.BudgetService.HoldResult;
import io.aigw.billing.application.PlanService;
import io.aigw.billing.application.TenantService;
import io.aigw.billing.application.UsageRecorder;
import io.aigw.billing.domain.BudgetPeriod;
import io.aigw.billing.domain.Plan;
import io.aigw.billing.domain.UsageRecord;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

/** Budget holds on real Redis: atomic under concurrency, settled from the ledger, alerting once. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"aigw.billing.usage.enabled=false", "aigw.billing.budgets.standings-every=1s"})
@AutoConfigureWebTestClient
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BudgetHoldsIT {

    /** Budget counters live in the shared Redis for months: a tenant id of its own per run. */
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "billing_budget_holds_it");
    }

    @AfterAll
    void forgetRedisState() {
        RealInfrastructure.forget(
                RealInfrastructure.stream("billing_budget_holds_it"),
                "crowd-" + RUN,
                "alerts-" + RUN,
                "http-" + RUN,
                "gauges-" + RUN,
                "published-" + RUN,
                "batch-" + RUN,
                "mixed-" + RUN);
    }

    @Autowired
    WebTestClient client;

    @Autowired
    BudgetService budgets;

    @Autowired
    UsageRecorder recorder;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    MeterRegistry meters;

    @Autowired
    PlanService plans;

    @Autowired
    TenantService tenants;

    @BeforeAll
    void givenTenantsWithAOneDollarBudget() {
        plans.update(new Plan(
                        "free",
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        1,
                        List.of(),
                        Optional.of(new BigDecimal("1.00"))))
                .block();
        for (String tenant : List.of(
                "crowd-" + RUN,
                "alerts-" + RUN,
                "http-" + RUN,
                "gauges-" + RUN,
                "published-" + RUN,
                "batch-" + RUN,
                "mixed-" + RUN)) {
            tenants.create(tenant, tenant, "free").block();
        }
    }

    @Test
    void shouldPublishTheBudgetForRoutingAndWithdrawItWhenTheTenantChangesPlan() {
        String tenant = "published-" + RUN;
        String key = io.aigw.api.budget.BudgetHolds.limitKey(tenant);

        budgets.hold(tenant, new BigDecimal("0.01")).block();
        assertThat(redis.opsForValue().get(key)).isEqualTo("1000000000");
        assertThat(redis.getExpire(key)).isPositive();

        tenants.changePlan(tenant, "pro").block();
        assertThat(redis.hasKey(key)).isFalse();

        budgets.hold(tenant, new BigDecimal("0.01")).block();
        assertThat(redis.opsForValue().get(key)).isEqualTo("2000000000000");
    }

    @Test
    void shouldNeverOvershootTheBudgetWhenFiftyHoldsRace() {
        String tenant = "crowd-" + RUN;

        // when 50 holds of 0.10 USD race for a 1.00 USD budget
        List<HoldResult> results = Flux.range(0, 50)
                .flatMap(i -> budgets.hold(tenant, new BigDecimal("0.10")), 50)
                .collectList()
                .block(Duration.ofSeconds(60));

        // then exactly ten fit, and the held total is the budget, not a cent more
        assertThat(results).hasSize(50);
        assertThat(results).filteredOn(r -> r instanceof HoldResult.Granted).hasSize(10);
        assertThat(results).filteredOn(r -> r instanceof HoldResult.Refused).hasSize(40);
        assertThat(redis.opsForHash().get(counterKey(tenant), "held")).isEqualTo("1000000000");
    }

    @Test
    void shouldSettleTheHoldAndAlertOncePerThresholdWhenTheUsageIsRecorded() {
        String tenant = "alerts-" + RUN;
        HoldResult.Granted first = (HoldResult.Granted)
                budgets.hold(tenant, new BigDecimal("0.90")).block();
        assertThat(first.remaining()).contains(new BigDecimal("0.1"));

        // when the request's usage is recorded with a real cost of 0.60 (and redelivered once)
        UsageRecord usage = record(tenant, first.holdId(), "0.60");
        recorder.record(usage);
        recorder.record(usage);

        // then the hold became the spend, once, and the 50 % alert fired
        assertThat(redis.opsForHash().get(counterKey(tenant), "spent")).isEqualTo("600000000");
        assertThat(redis.opsForHash().get(counterKey(tenant), "held")).isEqualTo("0");
        assertThat(alerts(tenant, "50")).isEqualTo(1.0);
        assertThat(alerts(tenant, "80")).isZero();

        // when a request without a hold takes spend past 100 %
        recorder.record(record(tenant, null, "0.45"));

        // then 80 and 100 fire, 50 does not fire again
        assertThat(alerts(tenant, "50")).isEqualTo(1.0);
        assertThat(alerts(tenant, "80")).isEqualTo(1.0);
        assertThat(alerts(tenant, "100")).isEqualTo(1.0);
        assertThat(budgets.hold(tenant, new BigDecimal("0.01")).block()).isInstanceOf(HoldResult.Refused.class);
    }

    @Test
    void shouldCountEachCostOnceWhenABatchStartsTheMonthCounterFromTheLedger() {
        // given a tenant whose month counter is not in Redis yet (its first usage, or Redis lost it)
        String tenant = "batch-" + RUN;
        assertThat(redis.hasKey(counterKey(tenant))).isFalse();

        // when one batch of three requests is recorded: the first settle starts the counter from the
        // ledger's sum, which holds all three rows already
        recorder.recordAll(
                List.of(record(tenant, null, "0.10"), record(tenant, null, "0.20"), record(tenant, null, "0.30")));

        // then the month's spend is the three costs, each counted once
        assertThat(redis.opsForHash().get(counterKey(tenant), "spent")).isEqualTo("600000000");
    }

    @Test
    void shouldSettleABatchOfHoldsAndRequestsWithoutOneAtOnceAndCountARedeliveredBatchNoMore() {
        // given two holds of one tenant
        String tenant = "mixed-" + RUN;
        HoldResult.Granted first = (HoldResult.Granted)
                budgets.hold(tenant, new BigDecimal("0.30")).block();
        HoldResult.Granted second = (HoldResult.Granted)
                budgets.hold(tenant, new BigDecimal("0.20")).block();
        List<UsageRecord> batch = List.of(
                record(tenant, first.holdId(), "0.25"),
                record(tenant, null, "0.05"),
                record(tenant, second.holdId(), "0.10"));

        // when the batch is recorded (its settles one script for the tenant's month), then redelivered
        recorder.recordAll(batch);
        recorder.recordAll(batch);

        // then each hold became its cost, the request without a hold added its own, and all once
        assertThat(redis.opsForHash().get(counterKey(tenant), "spent")).isEqualTo("400000000");
        assertThat(redis.opsForHash().get(counterKey(tenant), "held")).isEqualTo("0");
        assertThat(redis.opsForHash().size(counterKey(tenant) + ":holds")).isZero();
        assertThat(alerts(tenant, "50")).isZero();
    }

    @Test
    void shouldExportBudgetAndMonthToDateSpendBeforeAnyAlertWhenTheTenantHasABudget() {
        String tenant = "gauges-" + RUN;

        // then, before any usage: the budget, zero spend, and the alert counters at zero
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(gauge("aigw.budget.monthly.usd", tenant)).isEqualTo(1.0);
            assertThat(gauge("aigw.budget.spent.usd", tenant)).isZero();
        });
        assertThat(meters.find("aigw.budget.alerts").tag("tenant", tenant).counters())
                .hasSize(3)
                .allMatch(counter -> counter.count() == 0);

        // when a request of 0.30 USD is recorded
        HoldResult.Granted hold = (HoldResult.Granted)
                budgets.hold(tenant, new BigDecimal("0.50")).block();
        recorder.record(record(tenant, hold.holdId(), "0.30"));

        // then the spend gauge follows within a refresh
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(gauge("aigw.budget.spent.usd", tenant))
                .isEqualTo(0.30));
    }

    private double gauge(String name, String tenant) {
        var gauge = meters.find(name).tag("tenant", tenant).gauge();
        assertThat(gauge).as("%s{tenant=%s}", name, tenant).isNotNull();
        return gauge.value();
    }

    @Test
    void shouldHoldAndReleaseOverHttpAndRefuseWithAProblemWhenTheBudgetIsShort() {
        String tenant = "http-" + RUN;
        Map<?, ?> hold = internal("/internal/budgets/holds", Map.of("tenant_id", tenant, "max_cost_usd", "0.75"))
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        assertThat((String) hold.get("hold_id")).matches("h-" + tenant + "-\\d{4}-\\d{2}-[0-9a-f]{32}");
        assertThat(hold.get("remaining_usd")).isEqualTo("0.25");

        internal("/internal/budgets/holds", Map.of("tenant_id", tenant, "max_cost_usd", "0.50"))
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .json(
                        """
                        {"type":"urn:aigw:billing:problem:budget-exhausted","title":"Budget exhausted",
                         "status":429,"instance":"/internal/budgets/holds",
                         "detail":"tenant '%s' has 0.25 USD left of its monthly budget, less than 0.50 USD"}"""
                                .formatted(tenant),
                        true);

        internal("/internal/budgets/holds/" + hold.get("hold_id") + "/release", Map.of())
                .expectStatus()
                .isOk()
                .expectBody()
                .json("{\"released\":true}", true);
        internal("/internal/budgets/holds/" + hold.get("hold_id") + "/release", Map.of())
                .expectBody()
                .json("{\"released\":false}", true);
        internal("/internal/budgets/holds", Map.of("tenant_id", tenant, "max_cost_usd", "0.50"))
                .expectStatus()
                .isCreated();
        internal("/internal/budgets/holds", Map.of("tenant_id", "nobody-" + RUN, "max_cost_usd", "0.50"))
                .expectStatus()
                .isNotFound();
        internal("/internal/budgets/holds", Map.of("tenant_id", tenant, "max_cost_usd", "-1"))
                .expectStatus()
                .isBadRequest();
    }

    private WebTestClient.ResponseSpec internal(String uri, Map<String, String> body) {
        return client.post()
                .uri(uri)
                .header("x-aigw-internal-token", RealInfrastructure.INTERNAL_TOKEN)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private double alerts(String tenant, String threshold) {
        var counter = meters.find("aigw.budget.alerts")
                .tag("tenant", tenant)
                .tag("threshold", threshold)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static String counterKey(String tenant) {
        return "aigw:budget:{" + tenant + "}:" + BudgetPeriod.of(Instant.now());
    }

    private static UsageRecord record(String tenant, String holdId, String cost) {
        return new UsageRecord(
                "req-" + UUID.randomUUID(),
                tenant,
                Optional.of("key_1"),
                Optional.of("auto"),
                Optional.of("gpt-4o"),
                Optional.of("openai"),
                3,
                1000,
                1000,
                0,
                new BigDecimal(cost),
                BigDecimal.ZERO,
                new BigDecimal(cost),
                0,
                BigDecimal.ZERO,
                "miss",
                1,
                200,
                100,
                Instant.now(),
                Optional.of(new BigDecimal("2.5")),
                Optional.of(new BigDecimal("10")),
                Optional.empty(),
                Optional.ofNullable(holdId),
                "1-0");
    }
}
