package io.aigw.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.aigw.api.AigwHeaders;
import io.aigw.testsupport.TestInfrastructure;
import java.util.UUID;
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

/** The edge over real HTTP in front of a mock routing service. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class EdgeIT {

    private static final String KEY = "aigw-test-key";
    private static final String TOKEN = "internal-test-token";
    /** Its own tenant per run: the shipped pro plan counts in the shared test Redis. */
    private static final String TENANT = "edge-it-" + UUID.randomUUID();

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final WireMockServer routing =
            new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

    static {
        routing.start();
    }

    @Autowired
    WebTestClient client;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("aigw.internal.token", () -> TOKEN);
        // Lettuce on its own event loops, the opt-out of the default (ADR 0041 amendments), so that an IT
        // with Redis covers it
        registry.add("aigw.redis.share-http-event-loops", () -> "false");
        // the demo key alone: billing-owned keys have their own IT (BillingKeysIT)
        registry.add("aigw.gateway.keys-from-billing", () -> "false");
        registry.add("aigw.gateway.demo-key", () -> KEY);
        registry.add("aigw.gateway.demo-tenant", () -> TENANT);
        registry.add("spring.data.redis.url", () -> TestInfrastructure.redis().url());
        registry.add("aigw.gateway.routing-url", routing::baseUrl);
        registry.add("aigw.gateway.max-request-size", () -> "1KB");
    }

    @AfterAll
    static void stop() {
        routing.stop();
    }

    @BeforeEach
    void reset() {
        routing.resetAll();
        routing.stubFor(post(urlEqualTo("/v1/chat/completions"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withHeader(AigwHeaders.REQUEST_ID, "echoed-by-routing")
                        .withBody("{\"ok\":true}")));
    }

    private WebTestClient.RequestBodySpec chat() {
        return client.post().uri("/v1/chat/completions").contentType(MediaType.APPLICATION_JSON);
    }

    @Test
    void shouldForwardWithTrustedHeadersWhenTheKeyIsValid() {
        chat().header("Authorization", "Bearer " + KEY)
                .header(AigwHeaders.TENANT, "someone-else")
                .header(AigwHeaders.INTERNAL_TOKEN, "forged")
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueMatches(AigwHeaders.REQUEST_ID, UUID_PATTERN)
                .expectHeader()
                .valueEquals("x-ratelimit-limit-requests", "1200")
                .expectHeader()
                .valueMatches("x-ratelimit-remaining-requests", "11[0-9]{2}")
                .expectHeader()
                .valueEquals("x-ratelimit-limit-tokens", "2000000")
                .expectHeader()
                .valueMatches("x-ratelimit-reset-requests", "1m0s|[1-5]?[0-9]s")
                .expectBody()
                .json("{\"ok\":true}");

        routing.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withHeader(AigwHeaders.TENANT, equalTo(TENANT))
                .withHeader(AigwHeaders.INTERNAL_TOKEN, equalTo(TOKEN))
                .withHeader(AigwHeaders.REQUEST_ID, matching(UUID_PATTERN))
                .withHeader("Authorization", absent()));
    }

    @Test
    void shouldAnswer401WhenNoKeyIsSent() {
        chat().bodyValue("{}")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueMatches(AigwHeaders.REQUEST_ID, UUID_PATTERN)
                .expectBody()
                .json(
                        "{\"error\":{\"message\":\"You didn't provide an API key. Send it as 'Authorization: Bearer <gateway key>'.\","
                                + "\"type\":\"authentication_error\",\"param\":null,\"code\":\"invalid_api_key\"}}",
                        true);
        routing.verify(0, postRequestedFor(urlEqualTo("/v1/chat/completions")));
    }

    @Test
    void shouldAnswer401WhenTheKeyIsWrong() {
        chat().header("Authorization", "Bearer nope")
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .json(
                        "{\"error\":{\"message\":\"Incorrect API key provided.\",\"type\":\"authentication_error\","
                                + "\"param\":null,\"code\":\"invalid_api_key\"}}",
                        true);
        routing.verify(0, postRequestedFor(urlEqualTo("/v1/chat/completions")));
    }

    @Test
    void shouldAnswer413WhenTheBodyIsTooLarge() {
        chat().header("Authorization", "Bearer " + KEY)
                .bodyValue("{\"x\":\"" + "a".repeat(2000) + "\"}")
                .exchange()
                .expectStatus()
                .isEqualTo(413)
                .expectBody()
                .jsonPath("$.error.code")
                .isEqualTo("request_too_large");
    }

    @Test
    void shouldAnswerOpenAiShaped404WhenThePathIsNotRouted() {
        client.get()
                .uri("/nowhere")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody()
                .json(
                        "{\"error\":{\"message\":\"Unknown path /nowhere.\",\"type\":\"invalid_request_error\","
                                + "\"param\":null,\"code\":\"not_found\"}}",
                        true);
    }

    @Test
    void shouldPassTheRoutingErrorThroughWhenRoutingRefuses() {
        routing.stubFor(post(urlEqualTo("/v1/chat/completions"))
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"code\":\"model_not_found\"}}")));

        chat().header("Authorization", "Bearer " + KEY)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.error.code")
                .isEqualTo("model_not_found");
    }

    @Test
    void shouldExposeHealthAndPrometheusWhenScraped() {
        client.get().uri("/actuator/health").exchange().expectStatus().isOk();
        client.get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
    }
}
