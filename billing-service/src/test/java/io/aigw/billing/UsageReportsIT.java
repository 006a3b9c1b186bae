package io.aigw.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.aigw.billing.application.UsageRecorder;
import io.aigw.billing.domain.UsageRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Usage and cost reports over a real PostgreSQL ledger, as JSON and CSV. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "aigw.billing.usage.enabled=false")
@AutoConfigureWebTestClient
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UsageReportsIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "billing_usage_reports_it");
    }

    @AfterAll
    void forgetRedisState() {
        RealInfrastructure.forget(RealInfrastructure.stream("billing_usage_reports_it"), "acme", "globex");
    }

    @Autowired
    WebTestClient client;

    @Autowired
    UsageRecorder recorder;

    @BeforeAll
    void givenALedger() {
        record(
                "r1",
                "acme",
                "key_a",
                "gpt-4o-mini",
                1,
                "2026-11-14T08:00:00Z",
                1000,
                200,
                "0.00027",
                "0",
                "0.0045",
                0,
                "0",
                "miss");
        record(
                "r2",
                "acme",
                "key_a",
                "gpt-4o",
                3,
                "2026-11-15T08:00:00Z",
                500,
                100,
                "0.00225",
                "0",
                "0.00225",
                1,
                "0.0001",
                "miss");
        record(
                "r3",
                "acme",
                "key_b",
                "gpt-4o-mini",
                1,
                "2026-11-15T09:00:00Z",
                0,
                0,
                "0",
                "0.00027",
                "0",
                0,
                "0",
                "hit-exact");
        record(
                "r4",
                "globex",
                "key_c",
                "gpt-4o-mini",
                1,
                "2026-11-15T10:00:00Z",
                100,
                50,
                "0.000045",
                "0",
                "0.00075",
                0,
                "0",
                "miss");
        record("r5", "acme", "key_a", "gpt-4o-mini", 1, "2026-12-01T00:00:00Z", 1, 1, "1", "0", "1", 0, "0", "miss");
    }

    @Test
    void shouldSumByTenantWithTheHeadlineWhenAskedForJson() {
        admin("/admin/reports/usage?from=2026-11-01&to=2026-11-30&group_by=tenant")
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType(MediaType.APPLICATION_JSON)
                .expectBody()
                .json(
                        """
                        {"from":"2026-11-01","to":"2026-11-30","tenant":null,"group_by":["tenant"],
                         "headline":"spent $0.002565; at the top tier it would have cost $0.0075; the cache saved $0.00027",
                         "totals":{"requests":4,"prompt_tokens":1600,"completion_tokens":350,"total_tokens":1950,
                                   "cost_usd":"0.002565","cache_hits":1,"saved_usd":"0.00027","escalations":1,
                                   "escalation_cost_usd":"0.0001","top_tier_cost_usd":"0.0075"},
                         "rows":[
                          {"tenant":"acme","requests":3,"prompt_tokens":1500,"completion_tokens":300,
                           "total_tokens":1800,"cost_usd":"0.00252","cache_hits":1,"saved_usd":"0.00027",
                           "escalations":1,"escalation_cost_usd":"0.0001","top_tier_cost_usd":"0.00675"},
                          {"tenant":"globex","requests":1,"prompt_tokens":100,"completion_tokens":50,
                           "total_tokens":150,"cost_usd":"0.000045","cache_hits":0,"saved_usd":"0",
                           "escalations":0,"escalation_cost_usd":"0","top_tier_cost_usd":"0.00075"}]}""",
                        true);
    }

    @Test
    void shouldAnswerCsvByModelAndDayWhenAskedForCsv() {
        String csv = admin(
                        "/admin/reports/usage?from=2026-11-01&to=2026-11-30&group_by=model,day&tenant=acme&format=csv")
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith("text/csv")
                .expectHeader()
                .valueEquals("Content-Disposition", "attachment; filename=\"usage-2026-11-01-2026-11-30.csv\"")
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(csv)
                .isEqualTo("model,day,requests,prompt_tokens,completion_tokens,total_tokens,cost_usd,cache_hits,"
                        + "saved_usd,escalations,escalation_cost_usd,top_tier_cost_usd\r\n"
                        + "gpt-4o,2026-11-15,1,500,100,600,0.00225,0,0,1,0.0001,0.00225\r\n"
                        + "gpt-4o-mini,2026-11-14,1,1000,200,1200,0.00027,0,0,0,0,0.0045\r\n"
                        + "gpt-4o-mini,2026-11-15,1,0,0,0,0,1,0.00027,0,0,0\r\n");
    }

    @Test
    void shouldAnswerCsvWhenTheAcceptHeaderAsksForIt() {
        client.get()
                .uri("/admin/reports/usage?from=2026-12-01&to=2026-12-31&group_by=key,provider,tier")
                .header("Authorization", "Bearer " + RealInfrastructure.ADMIN_TOKEN)
                .accept(MediaType.parseMediaType("text/csv"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .isEqualTo("key,provider,tier,requests,prompt_tokens,completion_tokens,total_tokens,cost_usd,"
                        + "cache_hits,saved_usd,escalations,escalation_cost_usd,top_tier_cost_usd\r\n"
                        + "key_a,openai,1,1,1,1,2,1,0,0,0,0,1\r\n");
    }

    @Test
    void shouldAnswerBadRequestWhenTheRangeOrDimensionIsBad() {
        admin("/admin/reports/usage?from=2026-11-30&to=2026-11-01")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.field")
                .isEqualTo("to");
        admin("/admin/reports/usage?group_by=colour")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("cannot group by 'colour'; choose from tenant, key, model, provider, tier, day");
        admin("/admin/reports/usage?from=yesterday")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.field")
                .isEqualTo("from");
    }

    private WebTestClient.ResponseSpec admin(String uri) {
        return client.get()
                .uri(uri)
                .header("Authorization", "Bearer " + RealInfrastructure.ADMIN_TOKEN)
                .exchange();
    }

    private void record(
            String requestId,
            String tenant,
            String key,
            String model,
            int tier,
            String at,
            long prompt,
            long completion,
            String cost,
            String saved,
            String topTier,
            int escalations,
            String escalationCost,
            String cache) {
        recorder.record(new UsageRecord(
                requestId,
                tenant,
                Optional.of(key),
                Optional.of("auto"),
                Optional.of(model),
                Optional.of("openai"),
                tier,
                prompt,
                completion,
                0,
                new BigDecimal(cost),
                new BigDecimal(saved),
                new BigDecimal(topTier),
                escalations,
                new BigDecimal(escalationCost),
                cache,
                1,
                200,
                100,
                Instant.parse(at),
                Optional.of(new BigDecimal("0.15")),
                Optional.of(new BigDecimal("0.60")),
                Optional.empty(),
                Optional.empty(),
                "1-" + requestId.substring(1)));
    }
}
