package io.aigw.routing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.aigw.api.AigwHeaders;
import java.net.ServerSocket;
import java.util.List;
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

/** The routing API over real HTTP against a mock provider: happy paths and the error table. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class ChatCompletionsIT {

    private static final String TOKEN = "internal-test-token";
    private static final WireMockServer upstream =
            new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

    static {
        upstream.start();
    }

    @Autowired
    WebTestClient client;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        int deadPort = freePort();
        registry.add("aigw.internal.token", () -> TOKEN);
        // this class tests the error table one call at a time; breakers have their own IT
        registry.add("aigw.routing.circuit-breaker.minimum-calls", () -> "1000");
        registry.add("aigw.providers[0].id", () -> "mock");
        registry.add("aigw.providers[0].base-url", () -> upstream.baseUrl() + "/v1");
        registry.add("aigw.providers[0].timeout", () -> "1s");
        registry.add("aigw.providers[0].api-key", () -> "sk-upstream");
        registry.add("aigw.providers[1].id", () -> "dead");
        registry.add("aigw.providers[1].base-url", () -> "http://127.0.0.1:" + deadPort + "/v1");
        registry.add("aigw.models[0].name", () -> "cheap");
        registry.add("aigw.models[0].provider", () -> "mock");
        registry.add("aigw.models[0].upstream-model", () -> "upstream-cheap");
        registry.add("aigw.models[1].name", () -> "gone");
        registry.add("aigw.models[1].provider", () -> "dead");
        registry.add("aigw.models[2].name", () -> "x");
        registry.add("aigw.models[2].provider", () -> "mock");
        registry.add("aigw.models[3].name", () -> "y");
        registry.add("aigw.models[3].provider", () -> "mock");
        registry.add("aigw.groups[0].name", () -> "auto");
        registry.add("aigw.groups[0].members", () -> "cheap,x");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stop() {
        upstream.stop();
    }

    @BeforeEach
    void reset() {
        upstream.resetAll();
    }

    private WebTestClient.RequestHeadersSpec<?> chat(String body) {
        return client.post()
                .uri("/v1/chat/completions")
                .header(AigwHeaders.INTERNAL_TOKEN, TOKEN)
                .header(AigwHeaders.REQUEST_ID, "req-1")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body);
    }

    private static final String HELLO =
            "{\"model\":\"cheap\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"x_extra\":true}";

    @Test
    void shouldRelayTheProviderAnswerWithRouteHeadersWhenTheProviderAnswers() {
        upstream.stubFor(post(urlEqualTo("/v1/chat/completions"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"c1\",\"object\":\"chat.completion\",\"choices\":[]}")));

        chat(HELLO)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(AigwHeaders.PROVIDER, "mock")
                .expectHeader()
                .valueEquals(AigwHeaders.MODEL, "cheap")
                .expectHeader()
                .valueEquals(AigwHeaders.REQUEST_ID, "req-1")
                .expectBody()
                .json("{\"id\":\"c1\",\"object\":\"chat.completion\",\"choices\":[]}", true);

        upstream.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer sk-upstream"))
                .withRequestBody(matchingJsonPath("$.model", equalTo("upstream-cheap")))
                .withRequestBody(matchingJsonPath("$.x_extra", equalTo("true"))));
    }

    @Test
    void shouldRelayEveryChunkWhenTheClientStreams() {
        upstream.stubFor(post(urlEqualTo("/v1/chat/completions"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "text/event-stream")
                        .withBody("data: {\"n\":1}\n\ndata: {\"n\":2}\n\ndata: [DONE]\n\n")));

        List<String> events = chat(HELLO.replace("\"x_extra\":true", "\"stream\":true"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
                .returnResult(String.class)
                .getResponseBody()
                .collectList()
                .block();

        assertThat(events).containsExactly("{\"n\":1}", "{\"n\":2}", "[DONE]");
    }

    @Test
    void shouldEndWithAnErrorEventWhenTheProviderStreamStopsBeforeDone() {
        upstream.stubFor(post(urlEqualTo("/v1/chat/completions"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "text/event-stream")
                        .withBody("data: {\"n\":1}\n\ndata: {\"n\":2}\n\n")));

        List<String> events = chat(HELLO.replace("\"x_extra\":true", "\"stream\":true"))
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseBody()
                .collectList()
                .block();

        assertThat(events)
                .containsExactly(
                        "{\"n\":1}",
                        "{\"n\":2}",
                        "{\"error\":{\"message\":\"provider 'mock' ended the stream before it was complete\","
                                + "\"type\":\"api_error\",\"param\":null,\"code\":\"upstream_error\"}}");
    }

    @Test
    void shouldAnswer502WhenTheStreamFailsBeforeTheFirstChunk() {
        upstream.stubFor(
                post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(500)));

        chat(HELLO.replace("\"x_extra\":true", "\"stream\":true"))
                .exchange()
                .expectStatus()
                .isEqualTo(502)
                .expectBody()
                .jsonPath("$.error.code")
                .isEqualTo("upstream_error");
    }

    @Test
    void shouldUseTheFirstMemberWhenTheModelIsAGroup() {
        upstream.stubFor(post(urlEqualTo("/v1/chat/completions"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{}")));

        chat(HELLO.replace("\"cheap\"", "\"auto\"")).exchange().expectHeader().valueEquals(AigwHeaders.MODEL, "cheap");
    }

    @Test
    void shouldAnswer401WhenTheInternalTokenIsMissing() {
        client.post()
                .uri("/v1/chat/completions")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(HELLO)
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .json(
                        "{\"error\":{\"message\":\"This service only accepts requests that come through the gateway.\","
                                + "\"type\":\"authentication_error\",\"param\":null,\"code\":\"invalid_api_key\"}}",
                        true);
    }

    @Test
    void shouldAnswer400WhenTheBodyIsNotJson() {
        chat("{not json")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .json(
                        "{\"error\":{\"message\":\"The request body is not valid JSON.\",\"type\":\"invalid_request_error\","
                                + "\"param\":null,\"code\":\"invalid_request\"}}",
                        true);
    }

    @Test
    void shouldAnswer404WhenTheModelIsUnknown() {
        chat(HELLO.replace("cheap", "nope"))
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody()
                .json(
                        "{\"error\":{\"message\":\"The model 'nope' does not exist or you do not have access to it.\","
                                + "\"type\":\"invalid_request_error\",\"param\":\"model\",\"code\":\"model_not_found\"}}",
                        true);
    }

    @Test
    void shouldAnswer502WhenTheProviderFails() {
        upstream.stubFor(post(urlEqualTo("/v1/chat/completions"))
                .willReturn(aResponse().withStatus(500).withBody("{\"error\":{\"message\":\"boom\"}}")));

        chat(HELLO)
                .exchange()
                .expectStatus()
                .isEqualTo(502)
                .expectBody()
                .json(
                        "{\"error\":{\"message\":\"provider 'mock' answered 500: boom\",\"type\":\"api_error\","
                                + "\"param\":null,\"code\":\"upstream_error\"}}",
                        true);
    }

    @Test
    void shouldAnswer400WithTheProviderMessageWhenTheProviderRejectsTheRequest() {
        upstream.stubFor(post(urlEqualTo("/v1/chat/completions"))
                .willReturn(aResponse().withStatus(400).withBody("{\"error\":{\"message\":\"bad schema\"}}")));

        chat(HELLO)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.error.message")
                .isEqualTo("bad schema");
    }

    @Test
    void shouldAnswer504WhenTheProviderIsTooSlow() {
        upstream.stubFor(post(urlEqualTo("/v1/chat/completions"))
                .willReturn(aResponse().withFixedDelay(3000).withBody("{}")));

        chat(HELLO)
                .exchange()
                .expectStatus()
                .isEqualTo(504)
                .expectBody()
                .jsonPath("$.error.code")
                .isEqualTo("upstream_timeout");
    }

    @Test
    void shouldAnswer502WhenTheProviderCannotBeReached() {
        chat(HELLO.replace("cheap", "gone"))
                .exchange()
                .expectStatus()
                .isEqualTo(502)
                .expectBody()
                .jsonPath("$.error.message")
                .isEqualTo("provider 'dead' could not be reached");
    }

    @Test
    void shouldAnswerOpenAiShapedJsonWhenThePathIsUnknown() {
        client.get()
                .uri("/v1/nothing-here")
                .header(AigwHeaders.INTERNAL_TOKEN, TOKEN)
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.error.type")
                .isEqualTo("invalid_request_error");
    }

    @Test
    void shouldListModelsAndGroupsWhenAskedForModels() {
        client.get()
                .uri("/v1/models")
                .header(AigwHeaders.INTERNAL_TOKEN, TOKEN)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.object")
                .isEqualTo("list")
                .jsonPath("$.data[?(@.id == 'auto')].owned_by")
                .isEqualTo("aigw-group");
    }

    @Test
    void shouldExposePrometheusMetricsWhenScraped() {
        client.get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
    }
}
