package io.aigw.routing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.aigw.api.AigwHeaders;
import io.aigw.testsupport.TestInfrastructure;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The scaler's policy reaching routing through a real Redis: written to the key and announced on the
 * channel, it changes which tier may answer and which provider goes first. The key and channel are
 * this run's own, so no other test's policy can meet this one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class RoutingPolicyIT {

    private static final String TOKEN = "t";
    private static final String KEY = "it:policy:" + UUID.randomUUID();
    private static final String CHANNEL = KEY + ":changed";
    private static final WireMockServer primary = started();
    private static final WireMockServer secondary = started();

    @Autowired
    WebTestClient client;

    @Autowired
    ReactiveStringRedisTemplate redis;

    private static WireMockServer started() {
        WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        server.stubFor(post(urlEqualTo("/v1/chat/completions"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"c\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,"
                                + "\"message\":{\"role\":\"assistant\",\"content\":\"ok\"},\"finish_reason\":\"stop\"}],"
                                + "\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":1,\"total_tokens\":4}}")));
        return server;
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry r) {
        r.add("spring.data.redis.url", () -> TestInfrastructure.redis().url());
        // Lettuce on its own event loops, the opt-out of the default (ADR 0041 amendments), so that an IT
        // with Redis covers it
        r.add("aigw.redis.share-http-event-loops", () -> "false");
        r.add("aigw.internal.token", () -> TOKEN);
        r.add("aigw.routing.cache.enabled", () -> "false");
        r.add("aigw.routing.policy.key", () -> KEY);
        r.add("aigw.routing.policy.channel", () -> CHANNEL);
        // long enough that only the channel notice can explain a change within the test
        r.add("aigw.routing.policy.poll-every", () -> "10m");
        r.add("aigw.providers[0].id", () -> "primary");
        r.add("aigw.providers[0].base-url", () -> primary.baseUrl() + "/v1");
        r.add("aigw.providers[1].id", () -> "secondary");
        r.add("aigw.providers[1].base-url", () -> secondary.baseUrl() + "/v1");
        model(r, 0, "cheap", "primary", 1, "0.1");
        model(r, 1, "cheap-elsewhere", "secondary", 1, "0.2");
        model(r, 2, "premium", "secondary", 3, "10");
        r.add("aigw.groups[0].name", () -> "auto");
        r.add("aigw.groups[0].members", () -> "cheap,cheap-elsewhere");
    }

    private static void model(DynamicPropertyRegistry r, int i, String name, String provider, int tier, String price) {
        String p = "aigw.models[" + i + "].";
        r.add(p + "name", () -> name);
        r.add(p + "provider", () -> provider);
        r.add(p + "tier", () -> Integer.toString(tier));
        r.add(p + "price.input-per-mtok", () -> price);
        r.add(p + "price.output-per-mtok", () -> price);
    }

    @AfterAll
    static void stop() {
        primary.stop();
        secondary.stop();
    }

    private WebTestClient.ResponseSpec ask(String model) {
        return client.post()
                .uri("/v1/chat/completions")
                .header(AigwHeaders.INTERNAL_TOKEN, TOKEN)
                .header(AigwHeaders.TENANT, "acme")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .exchange();
    }

    private void publish(String policyJson) {
        redis.opsForValue().set(KEY, policyJson).block(Duration.ofSeconds(5));
        redis.convertAndSend(CHANNEL, "new").block(Duration.ofSeconds(5));
    }

    private int status(String model) {
        return ask(model).returnResult(String.class).getStatus().value();
    }

    private String answeredBy(String model) {
        List<String> values =
                ask(model).returnResult(String.class).getResponseHeaders().get(AigwHeaders.MODEL);
        return values == null ? null : values.get(0);
    }

    @Test
    void shouldRefuseTheTopTierWhenABrownOutCapsItAndServeItAgainWhenLifted() {
        ask("premium").expectStatus().isOk();

        publish("{\"version\":" + System.nanoTime() + ",\"max_tier\":2,\"reason\":\"budget\"}");

        await().atMost(Duration.ofSeconds(5)).until(() -> status("premium") == 403);
        ask("premium").expectBody().jsonPath("$.error.code").isEqualTo("model_not_allowed");
        ask("cheap").expectStatus().isOk();

        publish("{\"version\":" + System.nanoTime() + ",\"reason\":\"recovered\"}");

        await().atMost(Duration.ofSeconds(5)).until(() -> status("premium") == 200);
    }

    @Test
    void shouldPlanADegradedProviderLastWhenThePolicySaysSo() {
        ask("auto").expectHeader().valueEquals(AigwHeaders.MODEL, "cheap");

        publish("{\"version\":" + System.nanoTime() + ",\"degraded_providers\":[\"primary\"]}");

        await().atMost(Duration.ofSeconds(5)).until(() -> "cheap-elsewhere".equals(answeredBy("auto")));
    }
}
