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
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** {@code POST /v1/embeddings} over real HTTP against a stand-in provider. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class EmbeddingsIT {

    private static final String TOKEN = "internal-test-token";
    private static final WireMockServer upstream =
            new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    private static final String VECTORS =
            """
            {"object":"list","model":"upstream-embed",
             "data":[{"object":"embedding","index":0,"embedding":"AACAPwAAAEA="}],
             "usage":{"prompt_tokens":1000000,"total_tokens":1000000}}""";

    static {
        upstream.start();
    }

    @Autowired
    WebTestClient client;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        int deadPort = freePort();
        registry.add("aigw.internal.token", () -> TOKEN);
        registry.add("aigw.routing.circuit-breaker.minimum-calls", () -> "1000");
        registry.add("aigw.providers[0].id", () -> "mock");
        registry.add("aigw.providers[0].base-url", () -> upstream.baseUrl() + "/v1");
        registry.add("aigw.providers[0].timeout", () -> "1s");
        registry.add("aigw.providers[0].api-key", () -> "sk-upstream");
        registry.add("aigw.providers[1].id", () -> "dead");
        registry.add("aigw.providers[1].base-url", () -> "http://127.0.0.1:" + deadPort + "/v1");
        registry.add("aigw.models[0].name", () -> "embed");
        registry.add("aigw.models[0].provider", () -> "mock");
        registry.add("aigw.models[0].upstream-model", () -> "upstream-embed");
        registry.add("aigw.models[0].capabilities", () -> "embeddings");
        registry.add("aigw.models[0].price.input-per-mtok", () -> "0.02");
        registry.add("aigw.models[1].name", () -> "embed-gone");
        registry.add("aigw.models[1].provider", () -> "dead");
        registry.add("aigw.models[1].capabilities", () -> "embeddings");
        registry.add("aigw.models[1].price.input-per-mtok", () -> "0.01");
        registry.add("aigw.models[2].name", () -> "chat");
        registry.add("aigw.models[2].provider", () -> "mock");
        registry.add("aigw.groups[0].name", () -> "vectors");
        registry.add("aigw.groups[0].members", () -> "embed-gone,embed");
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
        upstream.stubFor(post(urlEqualTo("/v1/embeddings"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(VECTORS)));
    }

    private WebTestClient.ResponseSpec embed(String body) {
        return client.post()
                .uri("/v1/embeddings")
                .header(AigwHeaders.INTERNAL_TOKEN, TOKEN)
                .header(AigwHeaders.REQUEST_ID, "emb-1")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    @Test
    void shouldRelayTheVectorsAsTheProviderEncodedThemAndPriceTheInput() {
        embed("{\"model\":\"embed\",\"input\":[\"one\",\"two\"],\"encoding_format\":\"base64\",\"dimensions\":2}")
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(AigwHeaders.MODEL, "embed")
                .expectHeader()
                .valueEquals(AigwHeaders.PROVIDER, "mock")
                .expectHeader()
                .valueEquals(AigwHeaders.CACHE, "bypass")
                // a million input tokens at 0.02 USD per million
                .expectHeader()
                .valueEquals(AigwHeaders.COST_USD, "0.02")
                .expectBody()
                .json(VECTORS, true);

        upstream.verify(postRequestedFor(urlEqualTo("/v1/embeddings"))
                .withHeader("Authorization", equalTo("Bearer sk-upstream"))
                .withRequestBody(matchingJsonPath("$.model", equalTo("upstream-embed")))
                .withRequestBody(matchingJsonPath("$.encoding_format", equalTo("base64")))
                .withRequestBody(matchingJsonPath("$.dimensions", equalTo("2"))));
    }

    @Test
    void shouldFallBackToTheNextEmbeddingsModelWhenTheCheapestIsUnreachable() {
        embed("{\"model\":\"vectors\",\"input\":\"hello\"}")
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(AigwHeaders.MODEL, "embed")
                .expectHeader()
                .valueEquals(AigwHeaders.ATTEMPTS, "2");
    }

    @Test
    void shouldRefuseAChatModelForEmbeddingsAndAnEmbeddingsModelForChat() {
        embed("{\"model\":\"chat\",\"input\":\"hello\"}")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.error.type")
                .isEqualTo("invalid_request_error");

        client.post()
                .uri("/v1/chat/completions")
                .header(AigwHeaders.INTERNAL_TOKEN, TOKEN)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"model\":\"embed\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .exchange()
                .expectStatus()
                .isBadRequest();
        upstream.verify(0, postRequestedFor(urlEqualTo("/v1/embeddings")));
        upstream.verify(0, postRequestedFor(urlEqualTo("/v1/chat/completions")));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"input\":\"x\"}|model",
                "{\"model\":\"embed\"}|input",
                "{\"model\":\"embed\",\"input\":\"\"}|input",
                "{\"model\":\"embed\",\"input\":[]}|input",
                "{\"model\":\"embed\",\"input\":[\"a\",7]}|input[1]",
                "{\"model\":\"embed\",\"input\":[[1,-2]]}|input[0]",
                "{\"model\":\"embed\",\"input\":{\"a\":1}}|input",
                "{\"model\":\"embed\",\"input\":\"x\",\"encoding_format\":\"hex\"}|encoding_format",
                "{\"model\":\"embed\",\"input\":\"x\",\"dimensions\":0}|dimensions",
                "{\"model\":\"embed\",\"input\":\"x\",\"user\":5}|user"
            })
    void shouldRefuseABadBodyNamingTheParameter(String caseAndParam) {
        String[] parts = caseAndParam.split("\\|");

        embed(parts[0])
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.error.type")
                .isEqualTo("invalid_request_error")
                .jsonPath("$.error.param")
                .isEqualTo(parts[1]);

        upstream.verify(0, postRequestedFor(urlEqualTo("/v1/embeddings")));
    }

    @Test
    void shouldAcceptTokenArraysAsOpenAiDoes() {
        embed("{\"model\":\"embed\",\"input\":[[1,2,3],[4]]}").expectStatus().isOk();
        embed("{\"model\":\"embed\",\"input\":[5,6,7]}").expectStatus().isOk();
    }
}
