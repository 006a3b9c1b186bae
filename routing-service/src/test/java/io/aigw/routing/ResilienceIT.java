package io.aigw.routing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.aigw.api.AigwHeaders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Fallbacks, breakers, provider-requested waits and cascades over real HTTP, with two mock providers:
 * {@code primary} serves the cheap models, {@code secondary} the dearer ones.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class ResilienceIT {

    private static final String TOKEN = "t";
    private static final WireMockServer primary =
            new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    private static final WireMockServer secondary =
            new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

    static {
        primary.start();
        secondary.start();
    }

    @Autowired
    WebTestClient client;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry r) {
        r.add("aigw.internal.token", () -> TOKEN);
        r.add("aigw.routing.circuit-breaker.minimum-calls", () -> "3");
        r.add("aigw.routing.circuit-breaker.wait-in-open", () -> "60s");
        r.add("aigw.providers[0].id", () -> "primary");
        r.add("aigw.providers[0].base-url", () -> primary.baseUrl() + "/v1");
        r.add("aigw.providers[0].timeout", () -> "2s");
        r.add("aigw.providers[1].id", () -> "secondary");
        r.add("aigw.providers[1].base-url", () -> secondary.baseUrl() + "/v1");
        r.add("aigw.models[0].name", () -> "cheap");
        r.add("aigw.models[0].provider", () -> "primary");
        r.add("aigw.models[0].tier", () -> "1");
        r.add("aigw.models[0].price.input-per-mtok", () -> "0.1");
        r.add("aigw.models[0].price.output-per-mtok", () -> "0.1");
        r.add("aigw.models[0].capabilities", () -> "stream,json");
        r.add("aigw.models[1].name", () -> "cheap-elsewhere");
        r.add("aigw.models[1].provider", () -> "secondary");
        r.add("aigw.models[1].tier", () -> "1");
        r.add("aigw.models[1].price.input-per-mtok", () -> "0.2");
        r.add("aigw.models[1].price.output-per-mtok", () -> "0.2");
        r.add("aigw.models[2].name", () -> "premium");
        r.add("aigw.models[2].provider", () -> "secondary");
        r.add("aigw.models[2].tier", () -> "3");
        r.add("aigw.models[2].price.input-per-mtok", () -> "10");
        r.add("aigw.models[2].price.output-per-mtok", () -> "10");
        r.add("aigw.models[2].capabilities", () -> "stream,json");
        r.add("aigw.groups[0].name", () -> "auto");
        r.add("aigw.groups[0].strategy", () -> "cheapest");
        r.add("aigw.groups[0].members", () -> "premium,cheap-elsewhere,cheap");
        r.add("aigw.groups[1].name", () -> "cascade");
        r.add("aigw.groups[1].strategy", () -> "cascade");
        r.add("aigw.groups[1].members", () -> "cheap,premium");
    }

    @AfterAll
    static void stop() {
        primary.stop();
        secondary.stop();
    }

    @BeforeEach
    void reset() {
        primary.resetAll();
        secondary.resetAll();
        secondary.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(answer("from secondary", "stop")));
    }

    private static ResponseDefinitionBuilder answer(String content, String finishReason) {
        return aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"c\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"message\":"
                        + "{\"role\":\"assistant\",\"content\":\"" + content + "\"},\"finish_reason\":\""
                        + finishReason + "\"}],\"usage\":{\"prompt_tokens\":100,\"completion_tokens\":50,"
                        + "\"total_tokens\":150}}");
    }

    private WebTestClient.ResponseSpec ask(String model, String extra) {
        return client.post()
                .uri("/v1/chat/completions")
                .header(AigwHeaders.INTERNAL_TOKEN, TOKEN)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]" + extra
                        + "}")
                .exchange();
    }

    @Test
    void shouldTryTheCheapestFirstAndFallBackWhenItFails() {
        primary.stubFor(
                post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(503)));

        ask("auto", "")
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(AigwHeaders.MODEL, "cheap-elsewhere")
                .expectHeader()
                .valueEquals(AigwHeaders.ATTEMPTS, "2")
                .expectHeader()
                .valueEquals(AigwHeaders.TOKENS, "150")
                .expectBody()
                .jsonPath("$.choices[0].message.content")
                .isEqualTo("from secondary");
        primary.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions")));
    }

    @Test
    void shouldNotFallBackWhenTheProviderRejectsTheRequestItself() {
        primary.stubFor(post(urlEqualTo("/v1/chat/completions"))
                .willReturn(aResponse().withStatus(400).withBody("{\"error\":{\"message\":\"bad tools\"}}")));

        ask("auto", "").expectStatus().isBadRequest();
        secondary.verify(0, postRequestedFor(urlEqualTo("/v1/chat/completions")));
    }

    @Test
    void shouldOpenTheBreakerAndStopCallingTheProviderWhenItKeepsFailing() {
        primary.stubFor(
                post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(500)));

        for (int i = 0; i < 6; i++) {
            ask("auto", "").expectStatus().isOk().expectHeader().valueEquals(AigwHeaders.MODEL, "cheap-elsewhere");
        }

        // three failures open the breaker; the other three requests never reach the primary
        primary.verify(3, postRequestedFor(urlEqualTo("/v1/chat/completions")));
        client.get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectBody(String.class)
                .value(metrics -> assertThat(metrics)
                        .contains("model=\"cheap\",provider=\"primary\"} 1.0")
                        .contains("aigw_fallbacks_total{application=\"routing-service\",model=\"cheap\","
                                + "provider=\"primary\",reason=\"500\"} 3.0"));
    }

    @Test
    void shouldLeaveAProviderAloneForItsRetryAfterWhenItAnswers429() {
        primary.stubFor(post(urlEqualTo("/v1/chat/completions"))
                .willReturn(aResponse().withStatus(429).withHeader("retry-after", "30")));

        ask("auto", "").expectStatus().isOk();
        ask("auto", "").expectStatus().isOk().expectHeader().valueEquals(AigwHeaders.ATTEMPTS, "1");

        primary.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions")));
    }

    @Test
    void shouldAnswer503WithRetryAfterWhenTheOnlyDeploymentAskedToWait() {
        primary.stubFor(post(urlEqualTo("/v1/chat/completions"))
                .willReturn(aResponse().withStatus(429).withHeader("retry-after", "30")));

        ask("cheap", "").expectStatus().isEqualTo(503).expectHeader().exists("retry-after");
        ask("cheap", "")
                .expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .value("retry-after", value -> assertThat(Integer.parseInt(value))
                        .isBetween(1, 30))
                .expectBody()
                .jsonPath("$.error.code")
                .isEqualTo("no_capacity");
    }

    @Test
    void shouldEscalateToTheNextTierWhenTheCheapAnswerIsTruncated() {
        primary.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(answer("Par", "length")));

        ask("cascade", "")
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(AigwHeaders.MODEL, "premium")
                .expectHeader()
                .valueEquals(AigwHeaders.TIER, "3")
                .expectHeader()
                .valueEquals(AigwHeaders.ESCALATIONS, "truncated")
                // both attempts are billed: 150 tokens at $0.1/M + 150 tokens at $10/M
                .expectHeader()
                .valueEquals(AigwHeaders.COST_USD, "0.001515")
                .expectBody()
                .jsonPath("$.choices[0].message.content")
                .isEqualTo("from secondary");
    }

    @Test
    void shouldEscalateWhenJsonWasAskedAndTheCheapAnswerIsNotJson() {
        primary.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(answer("Sure, here you go", "stop")));

        ask("cascade", ",\"response_format\":{\"type\":\"json_object\"}")
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(AigwHeaders.ESCALATIONS, "invalid_json");
    }

    @Test
    void shouldKeepTheCheapAnswerWhenItPassesTheGates() {
        primary.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(answer("Paris.", "stop")));

        ask("cascade", "")
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(AigwHeaders.MODEL, "cheap")
                .expectHeader()
                .doesNotExist(AigwHeaders.ESCALATIONS)
                .expectHeader()
                .valueEquals(AigwHeaders.COST_USD, "0.000015");
        secondary.verify(0, postRequestedFor(urlEqualTo("/v1/chat/completions")));
    }

    @Test
    void shouldReplayTheAcceptedCascadeAnswerAsAStreamWhenTheClientStreams() {
        primary.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(answer("Par", "length")));

        String body = client.post()
                .uri("/v1/chat/completions")
                .header(AigwHeaders.INTERNAL_TOKEN, TOKEN)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(
                        "{\"model\":\"cascade\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(AigwHeaders.MODEL, "premium")
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(body)
                .contains("\"content\":\"from secondary\"")
                .contains("\"finish_reason\":\"stop\"")
                .contains("[DONE]");
    }

    @Test
    void shouldRefuseWith400WhenTheMinTierHeaderIsNotATier() {
        client.post()
                .uri("/v1/chat/completions")
                .header(AigwHeaders.INTERNAL_TOKEN, TOKEN)
                .header(AigwHeaders.MIN_TIER, "9")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"model\":\"auto\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.error.param")
                .isEqualTo(AigwHeaders.MIN_TIER);
    }

    @Test
    void shouldRouteOnlyWithinTheTierRangeWhenTheClientSetsIt() {
        primary.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(answer("cheap answer", "stop")));

        ask("auto", "").expectHeader().valueEquals(AigwHeaders.TIER, "1");

        client.post()
                .uri("/v1/chat/completions")
                .header(AigwHeaders.INTERNAL_TOKEN, TOKEN)
                .header(AigwHeaders.MIN_TIER, "3")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"model\":\"auto\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(AigwHeaders.MODEL, "premium");
    }
}
