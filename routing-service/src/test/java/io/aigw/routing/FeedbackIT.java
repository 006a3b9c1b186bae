package io.aigw.routing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.aigw.api.AigwHeaders;
import io.aigw.testsupport.TestInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * {@code POST /v1/feedback} against a real Redis: feedback on a tenant's own answer is stored with
 * the model and tier that answered; another tenant's request id, an unknown one and a bad score are
 * refused with the OpenAI error body. Keys carry this run's own prefix.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class FeedbackIT {

    private static final String TOKEN = "t";
    private static final String RUN = UUID.randomUUID().toString();
    private static final String REQUESTS = "it:answered:" + RUN + ":";
    private static final String FEEDBACK = "it:feedback:" + RUN + ":";
    private static final WireMockServer upstream = started();

    @Autowired
    WebTestClient client;

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Autowired
    MeterRegistry meters;

    private String requestId;

    private static WireMockServer started() {
        WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        server.stubFor(post(urlEqualTo("/v1/chat/completions"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"c\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,"
                                + "\"message\":{\"role\":\"assistant\",\"content\":\"4\"},\"finish_reason\":\"stop\"}],"
                                + "\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":1,\"total_tokens\":4}}")));
        return server;
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry r) {
        r.add("spring.data.redis.url", () -> TestInfrastructure.redis().url());
        r.add("aigw.internal.token", () -> TOKEN);
        r.add("aigw.routing.cache.enabled", () -> "false");
        r.add("aigw.routing.learned.enabled", () -> "true");
        r.add("aigw.routing.learned.request-key-prefix", () -> REQUESTS);
        r.add("aigw.routing.learned.feedback-key-prefix", () -> FEEDBACK);
        r.add("aigw.providers[0].id", () -> "mock");
        r.add("aigw.providers[0].base-url", () -> upstream.baseUrl() + "/v1");
        r.add("aigw.models[0].name", () -> "cheap");
        r.add("aigw.models[0].provider", () -> "mock");
        r.add("aigw.models[0].tier", () -> "1");
        r.add("aigw.groups[0].name", () -> "auto");
        r.add("aigw.groups[0].members", () -> "cheap");
    }

    @AfterAll
    static void stop() {
        upstream.stop();
    }

    /** Given: tenant acme got an answer, and routing remembered it. */
    @BeforeEach
    void answered() {
        requestId = "req-" + UUID.randomUUID();
        // a cold context on a busy machine can take longer than the default 5 s; asserts nothing on speed
        client.mutate()
                .responseTimeout(Duration.ofMinutes(1))
                .build()
                .post()
                .uri("/v1/chat/completions")
                .header(AigwHeaders.INTERNAL_TOKEN, TOKEN)
                .header(AigwHeaders.TENANT, "acme")
                .header(AigwHeaders.REQUEST_ID, requestId)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"model\":\"cheap\",\"messages\":[{\"role\":\"user\",\"content\":\"2+2?\"}]}")
                .exchange()
                .expectStatus()
                .isOk();
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        Boolean.TRUE.equals(redis.hasKey(REQUESTS + requestId).block()));
    }

    private WebTestClient.ResponseSpec feedback(String tenant, String body) {
        // the first feedback loads the embedding model, which on a busy 2-core machine takes longer than
        // the client's default 5 s; this bounds the wait, it asserts nothing about speed
        return client.mutate()
                .responseTimeout(Duration.ofMinutes(2))
                .build()
                .post()
                .uri("/v1/feedback")
                .header(AigwHeaders.INTERNAL_TOKEN, TOKEN)
                .header(AigwHeaders.TENANT, tenant)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private double counted(String result, String score) {
        return meters.get("aigw_feedback")
                .tags("result", result, "score", score)
                .counter()
                .count();
    }

    @Test
    void shouldStoreTheFeedbackWithModelTierAndEmbeddingWhenTheTenantScoresItsOwnAnswer() {
        double before = counted("accepted", "good");

        feedback("acme", "{\"request_id\":\"" + requestId + "\",\"score\":true}")
                .expectStatus()
                .isOk()
                .expectBody()
                .json(
                        "{\"object\":\"feedback\",\"request_id\":\"" + requestId
                                + "\",\"model\":\"cheap\",\"tier\":1,\"score\":1.0}",
                        true);

        String stored =
                (String) redis.opsForHash().get(FEEDBACK + "acme", requestId).block();
        assertThat(stored).contains("\"model\":\"cheap\"", "\"tier\":1", "\"score\":1.0");
        // 384 float32 as base64: 1,536 bytes -> 2,048 characters
        assertThat(stored).containsPattern("\"embedding\":\"[A-Za-z0-9+/=]{2048}\"");
        assertThat(redis.opsForZSet().score(FEEDBACK + "acme:at", requestId).block())
                .isNotNull();
        assertThat(counted("accepted", "good")).isEqualTo(before + 1);
    }

    @Test
    void shouldAnswer404WhenAnotherTenantScoresTheAnswer() {
        feedback("intruder", "{\"request_id\":\"" + requestId + "\",\"score\":0}")
                .expectStatus()
                .isNotFound()
                .expectBody()
                .json(
                        "{\"error\":{\"message\":\"No answered request '" + requestId
                                + "' is known for your account (requests are remembered for a limited time).\","
                                + "\"type\":\"invalid_request_error\",\"param\":\"request_id\",\"code\":\"not_found\"}}",
                        true);

        assertThat(redis.hasKey(FEEDBACK + "intruder").block()).isFalse();
    }

    @Test
    void shouldAnswer404WhenTheRequestIdIsUnknown() {
        feedback("acme", "{\"request_id\":\"never-made\",\"score\":0.5}")
                .expectStatus()
                .isNotFound()
                .expectBody()
                .json(
                        "{\"error\":{\"message\":\"No answered request 'never-made' is known for your account"
                                + " (requests are remembered for a limited time).\","
                                + "\"type\":\"invalid_request_error\",\"param\":\"request_id\",\"code\":\"not_found\"}}",
                        true);
    }

    @Test
    void shouldAnswer400WhenTheScoreIsOutOfRange() {
        double before = counted("invalid", "none");

        feedback("acme", "{\"request_id\":\"" + requestId + "\",\"score\":1.5}")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .json(
                        "{\"error\":{\"message\":\"'score' must be true, false or a number from 0 to 1.\","
                                + "\"type\":\"invalid_request_error\",\"param\":\"score\",\"code\":\"invalid_request\"}}",
                        true);

        assertThat(redis.opsForHash().hasKey(FEEDBACK + "acme", requestId).block())
                .isFalse();
        assertThat(counted("invalid", "none")).isEqualTo(before + 1);
    }

    @Test
    void shouldAnswer400WhenTheScoreIsNotABooleanOrNumber() {
        feedback("acme", "{\"request_id\":\"" + requestId + "\",\"score\":\"good\"}")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .json(
                        "{\"error\":{\"message\":\"'score' must be true, false or a number from 0 to 1.\","
                                + "\"type\":\"invalid_request_error\",\"param\":\"score\",\"code\":\"invalid_request\"}}",
                        true);
    }
}
