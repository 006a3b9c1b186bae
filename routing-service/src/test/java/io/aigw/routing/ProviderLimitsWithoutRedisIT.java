package io.aigw.routing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.aigw.api.AigwHeaders;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Redis out of reach (a port nothing listens on): requests keep being answered, each replica keeps to
 * its share of the limit, and health says the fallback is active.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class ProviderLimitsWithoutRedisIT {

    private static final String TOKEN = "t";
    private static final WireMockServer upstream =
            new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

    static {
        upstream.start();
        upstream.stubFor(post(urlEqualTo("/v1/chat/completions"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"c\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,"
                                + "\"message\":{\"role\":\"assistant\",\"content\":\"ok\"},\"finish_reason\":\"stop\"}],"
                                + "\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":5,\"total_tokens\":15}}")));
    }

    @Autowired
    WebTestClient client;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry r) {
        // the Redis client on the HTTP event loops, said here because this is the mode a connect from a loop
        // would hang (ADR 0041 amendment); the default since 2026-12-04
        r.add("aigw.redis.share-http-event-loops", () -> "true");
        r.add("spring.data.redis.url", () -> "redis://127.0.0.1:" + deadPort());
        r.add("aigw.internal.token", () -> TOKEN);
        r.add("aigw.providers[0].id", () -> "mock");
        r.add("aigw.providers[0].base-url", () -> upstream.baseUrl() + "/v1");
        r.add("aigw.models[0].name", () -> "cheap");
        r.add("aigw.models[0].provider", () -> "mock");
        r.add("aigw.models[0].limits.rpm", () -> "2");
        r.add("aigw.groups[0].name", () -> "auto");
        r.add("aigw.groups[0].members", () -> "cheap");
    }

    private static int deadPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stop() {
        upstream.stop();
    }

    private WebTestClient.ResponseSpec ask() {
        return client.post()
                .uri("/v1/chat/completions")
                .header(AigwHeaders.INTERNAL_TOKEN, TOKEN)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"model\":\"cheap\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .exchange();
    }

    @Test
    void shouldKeepAnsweringWithinTheLocalShareAndSaySoWhenRedisIsAway() {
        ask().expectStatus().isOk();
        ask().expectStatus().isOk();
        ask().expectStatus()
                .isEqualTo(503)
                .expectBody()
                .jsonPath("$.error.code")
                .isEqualTo("no_capacity");

        client.get()
                .uri("/actuator/health")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP")
                .jsonPath("$.components.providerLimits.details.fallbackActive")
                .isEqualTo(true)
                .jsonPath("$.components.providerLimits.details.knownReplicas")
                .isEqualTo(1);
    }
}
