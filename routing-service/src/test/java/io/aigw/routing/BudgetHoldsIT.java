package io.aigw.routing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.aigw.api.AigwHeaders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Budget holds over real HTTP, with billing and the provider played by mock servers. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class BudgetHoldsIT {

    private static final String TOKEN = "t";
    private static final WireMockServer billing = started();
    private static final WireMockServer provider = started();

    @Autowired
    WebTestClient client;

    private static WireMockServer started() {
        WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        return server;
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry r) {
        r.add("aigw.internal.token", () -> TOKEN);
        r.add("aigw.routing.cache.enabled", () -> "false");
        r.add("aigw.routing.budget.url", () -> billing.baseUrl());
        r.add("aigw.providers[0].id", () -> "mock");
        r.add("aigw.providers[0].base-url", () -> provider.baseUrl() + "/v1");
        r.add("aigw.models[0].name", () -> "priced");
        r.add("aigw.models[0].provider", () -> "mock");
        r.add("aigw.models[0].price.input-per-mtok", () -> "1");
        r.add("aigw.models[0].price.output-per-mtok", () -> "2");
        r.add("aigw.groups[0].name", () -> "auto");
        r.add("aigw.groups[0].members", () -> "priced");
    }

    @AfterAll
    static void stop() {
        billing.stop();
        provider.stop();
    }

    @BeforeEach
    void answer() {
        billing.resetAll();
        provider.resetAll();
        provider.stubFor(post(urlEqualTo("/v1/chat/completions"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"c\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,"
                                + "\"message\":{\"role\":\"assistant\",\"content\":\"ok\"},\"finish_reason\":\"stop\"}],"
                                + "\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":1,\"total_tokens\":4}}")));
    }

    private WebTestClient.ResponseSpec ask() {
        return client.post()
                .uri("/v1/chat/completions")
                .header(AigwHeaders.INTERNAL_TOKEN, TOKEN)
                .header(AigwHeaders.TENANT, "acme")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"model\":\"priced\",\"max_tokens\":1000,"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .exchange();
    }

    @Test
    void shouldHoldTheMaximumCostBeforeCallingTheProviderWhenTheBudgetCoversIt() {
        billing.stubFor(post(urlEqualTo("/internal/budgets/holds"))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"hold_id\":\"h-1\",\"remaining_usd\":\"9.99\"}")));

        ask().expectStatus().isOk();

        // 9 prompt tokens (the message and its framing) at 1 USD/Mtok + 1000 output tokens at 2 USD/Mtok
        billing.verify(postRequestedFor(urlEqualTo("/internal/budgets/holds"))
                .withHeader(AigwHeaders.INTERNAL_TOKEN, equalTo(TOKEN))
                .withRequestBody(matchingJsonPath("$.tenant_id", equalTo("acme")))
                .withRequestBody(matchingJsonPath("$.max_cost_usd", equalTo("0.002009"))));
    }

    @Test
    void shouldRefuseWith429InsufficientQuotaAndCallNoProviderWhenTheBudgetIsSpent() {
        billing.stubFor(post(urlEqualTo("/internal/budgets/holds"))
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"type\":\"urn:aigw:billing:problem:budget-exhausted\",\"status\":429}")));

        ask().expectStatus()
                .isEqualTo(429)
                .expectBody()
                .json(
                        "{\"error\":{\"message\":\"Your budget for this month cannot cover this request (up to"
                                + " 0.002009 USD).\",\"type\":\"rate_limit_error\",\"param\":null,"
                                + "\"code\":\"insufficient_quota\"}}",
                        true);
        provider.verify(0, postRequestedFor(urlEqualTo("/v1/chat/completions")));
    }

    @Test
    void shouldLetTheRequestThroughWhenBillingFails() {
        billing.stubFor(post(urlEqualTo("/internal/budgets/holds"))
                .willReturn(aResponse().withStatus(503)));

        ask().expectStatus().isOk();
        provider.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions")));
    }

    @Test
    void shouldLetTheRequestThroughWhenBillingIsTooSlow() {
        billing.stubFor(post(urlEqualTo("/internal/budgets/holds"))
                .willReturn(aResponse().withStatus(201).withFixedDelay(3000).withBody("{\"hold_id\":\"late\"}")));

        ask().expectStatus().isOk();
        provider.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions")));
    }
}
