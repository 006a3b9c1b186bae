package io.aigw.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.aigw.api.AigwHeaders;
import io.aigw.gateway.application.TenantPlans;
import io.aigw.gateway.domain.AppliedPlans;
import io.aigw.gateway.domain.Plan;
import io.aigw.testsupport.TestInfrastructure;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/**
 * Tenant limits through the real gateway, counted in the real Redis, in front of a mock routing
 * service. Each test sets the plan and starts from empty counters.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class TenantLimitsIT {

    private static final String KEY = "aigw-limits-key";
    private static final String TENANT = "limits-it-" + UUID.randomUUID();
    private static final String BODY =
            "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]," + "\"max_tokens\":100}";
    /** A quarter of the body, rounded up, plus its max_tokens. */
    private static final long ESTIMATE = (BODY.length() + 3) / 4 + 100;

    private static final String SECONDS = "1m0s|[1-5]?[0-9]s";
    private static final WireMockServer routing =
            new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

    static {
        routing.start();
    }

    @Autowired
    WebTestClient client;

    @Autowired
    ReactiveStringRedisTemplate redis;

    @MockitoBean
    TenantPlans plans;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        // the Redis client on the HTTP event loops (ADR 0041 amendments), said here because a test below
        // checks it; the default since 2026-12-04
        registry.add("aigw.redis.share-http-event-loops", () -> "true");
        registry.add("aigw.internal.token", () -> "t");
        // the demo key alone: billing-owned keys have their own IT (BillingKeysIT)
        registry.add("aigw.gateway.keys-from-billing", () -> "false");
        registry.add("aigw.gateway.demo-key", () -> KEY);
        registry.add("aigw.gateway.demo-tenant", () -> TENANT);
        registry.add("aigw.gateway.routing-url", routing::baseUrl);
        registry.add("spring.data.redis.url", () -> TestInfrastructure.redis().url());
    }

    @AfterAll
    static void stop() {
        routing.stop();
    }

    @BeforeEach
    void reset() {
        redis.scan(ScanOptions.scanOptions()
                        .match("aigw:tenant:{" + TENANT + "}:*")
                        .count(1000)
                        .build())
                .flatMap(key -> redis.delete(key))
                .then()
                .block(Duration.ofSeconds(10));
        routing.resetAll();
        answerWith(aResponse()
                .withHeader("Content-Type", "application/json")
                .withHeader(AigwHeaders.TOKENS, "30")
                .withBody("{\"ok\":true}"));
    }

    @Test
    void redisRepliesArriveOnTheThreadThatServesHttp() {
        // ADR 0041 amendment: Lettuce shares the HTTP server's loops (Reactor Netty's global ones,
        // "webflux-http" under Spring's test context), so no reply changes threads
        String thread = redis.hasKey("aigw:test:no-such-key")
                .map(found -> Thread.currentThread().getName())
                .block(Duration.ofSeconds(5));

        assertThat(thread).contains("-http-").doesNotContain("lettuce");
    }

    private static void answerWith(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
        routing.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(answer));
    }

    private void plan(Plan tenant) {
        when(plans.plansOf(any())).thenReturn(Mono.just(AppliedPlans.ofTenant(tenant)));
    }

    private WebTestClient.ResponseSpec chat(String body) {
        return client.post()
                .uri("/v1/chat/completions")
                .header("Authorization", "Bearer " + KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private WebTestClient.ResponseSpec chat() {
        return chat(BODY);
    }

    private static String rateLimitError(String message) {
        return "{\"error\":{\"message\":\"" + message + "\",\"type\":\"rate_limit_error\",\"param\":null,"
                + "\"code\":\"rate_limit_exceeded\"}}";
    }

    @Test
    void shouldTellRemainingRequestsAndSettledTokensWhenAnswersCarryTheirUsage() {
        // given
        plan(new Plan(5, 1000, 0, 0));

        // when / then: the first answer used 30 tokens, not its estimate
        chat().expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("x-ratelimit-limit-requests", "5")
                .expectHeader()
                .valueEquals("x-ratelimit-remaining-requests", "4")
                .expectHeader()
                .valueMatches("x-ratelimit-reset-requests", SECONDS)
                .expectHeader()
                .valueEquals("x-ratelimit-limit-tokens", "1000")
                .expectHeader()
                .valueEquals("x-ratelimit-remaining-tokens", "970")
                .expectHeader()
                .valueMatches("x-ratelimit-reset-tokens", SECONDS);
        // and the next request through this replica settles the first before it is checked: it starts from 970
        chat().expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("x-ratelimit-remaining-requests", "3")
                .expectHeader()
                .valueEquals("x-ratelimit-remaining-tokens", "940");
    }

    @Test
    void shouldAnswer429WithTheOpenAiBodyAndRetryAfterWhenTheRequestsPerMinuteAreUsed() {
        // given
        plan(new Plan(2, 0, 0, 0));
        chat().expectStatus().isOk();
        chat().expectStatus().isOk();

        // when / then
        chat().expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .valueMatches("retry-after", "[1-9]|[1-5][0-9]|60")
                .expectHeader()
                .valueEquals("x-ratelimit-limit-requests", "2")
                .expectHeader()
                .valueEquals("x-ratelimit-remaining-requests", "0")
                .expectHeader()
                .valueMatches("x-ratelimit-reset-requests", SECONDS)
                .expectHeader()
                .doesNotExist("x-ratelimit-limit-tokens")
                .expectBody()
                .json(
                        rateLimitError("Rate limit reached for tenant " + TENANT
                                + " on requests per minute (RPM): Limit 2, Used 2, Requested 1."),
                        true);
        routing.verify(2, postRequestedFor(urlEqualTo("/v1/chat/completions")));
        client.get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectBody(String.class)
                .value(metrics -> assertThat(metrics)
                        .as("other tests of this tenant count too")
                        .containsPattern(
                                Pattern.quote("aigw_tenant_limit_rejections_total{application=\"gateway-service\","
                                                + "limit=\"rpm\",tenant=\"" + TENANT + "\"} ")
                                        + "[1-9]"));
    }

    @Test
    void shouldRefuseBeforeForwardingWhenTheEstimateDoesNotFitTheTokensPerMinute() {
        // given
        plan(new Plan(0, ESTIMATE - 1, 0, 0));

        // when / then
        chat().expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .valueEquals("retry-after", "60")
                .expectHeader()
                .valueEquals("x-ratelimit-remaining-tokens", Long.toString(ESTIMATE - 1))
                .expectBody()
                .json(
                        rateLimitError("Rate limit reached for tenant " + TENANT + " on tokens per minute (TPM): Limit "
                                + (ESTIMATE - 1) + ", Used 0, Requested " + ESTIMATE + "."),
                        true);
        routing.verify(0, postRequestedFor(urlEqualTo("/v1/chat/completions")));
    }

    @Test
    void shouldAnswer429SayingDailyQuotaWhenTheRequestsPerDayAreUsed() {
        // given
        plan(new Plan(0, 0, 1, 0));
        chat().expectStatus().isOk().expectHeader().valueEquals("x-ratelimit-remaining-requests", "0");

        // when / then
        chat().expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .value("retry-after", seconds -> assertThat(Long.parseLong(seconds))
                        .isBetween(1L, 86_400L))
                .expectHeader()
                .valueMatches("x-ratelimit-reset-requests", "([0-9]+h)?([0-9]+m)?[0-9]+s")
                .expectBody()
                .json(
                        rateLimitError("Daily quota reached for tenant " + TENANT
                                + " on requests per day (RPD): Limit 1, Used 1, Requested 1."
                                + " The quota resets at 00:00 UTC."),
                        true);
    }

    @Test
    void shouldCountTheKeysOwnPlanBesidesTheTenantsWhenTheKeyHasOne() {
        // given
        when(plans.plansOf(any()))
                .thenReturn(Mono.just(new AppliedPlans(new Plan(10, 0, 0, 0), Optional.of(new Plan(1, 0, 0, 0)))));
        chat().expectStatus().isOk().expectHeader().valueEquals("x-ratelimit-remaining-requests", "0");

        // when / then
        chat().expectStatus()
                .isEqualTo(429)
                .expectBody()
                .json(
                        rateLimitError("Rate limit reached for key demo of tenant " + TENANT
                                + " on requests per minute (RPM): Limit 1, Used 1, Requested 1."),
                        true);
    }

    @Test
    void shouldGiveTheTokensBackWhenRoutingFailsWithoutReportingUsage() {
        // given
        plan(new Plan(0, 1000, 0, 0));
        answerWith(aResponse()
                .withStatus(503)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":\"no_capacity\"}}"));

        // when / then
        chat().expectStatus().isEqualTo(503).expectHeader().valueEquals("x-ratelimit-remaining-tokens", "1000");
        reset();
        plan(new Plan(0, 1000, 0, 0));
        chat().expectStatus().isOk().expectHeader().valueEquals("x-ratelimit-remaining-tokens", "970");
    }

    @Test
    void shouldKeepTheEstimateWhenAStreamCarriesNoUsage() {
        // given
        plan(new Plan(0, 1000, 0, 0));
        answerWith(aResponse()
                .withHeader("Content-Type", "text/event-stream")
                .withBody("data: {\"choices\":[]}\n\ndata: [DONE]\n\n"));

        // when / then
        chat().expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("x-ratelimit-remaining-tokens", Long.toString(1000 - ESTIMATE));
        chat().expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("x-ratelimit-remaining-tokens", Long.toString(1000 - 2 * ESTIMATE));
    }

    @Test
    void shouldChargeTheDefaultOutputWhenTheRequestSetsNoMaximum() {
        // given
        plan(new Plan(0, 10_000, 0, 0));
        String body = "{\"model\":\"gpt-4o-mini\",\"messages\":[]}";
        answerWith(aResponse().withHeader("Content-Type", "text/event-stream").withBody("data: [DONE]\n\n"));

        // when / then
        chat(body)
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("x-ratelimit-remaining-tokens", Long.toString(10_000 - (body.length() + 3) / 4 - 512));
    }
}
