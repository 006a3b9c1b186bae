package io.aigw.gateway;

import io.aigw.testsupport.TestInfrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The edge when the routing service is not there. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class RoutingDownIT {

    @Autowired
    WebTestClient client;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        int closedPort = freePort();
        registry.add("aigw.internal.token", () -> "t");
        // the demo key alone: billing-owned keys have their own IT (BillingKeysIT)
        registry.add("aigw.gateway.keys-from-billing", () -> "false");
        registry.add("aigw.gateway.demo-key", () -> "k");
        registry.add("aigw.gateway.demo-tenant", () -> "routing-down-it");
        registry.add("spring.data.redis.url", () -> TestInfrastructure.redis().url());
        registry.add("aigw.gateway.routing-url", () -> "http://127.0.0.1:" + closedPort);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void shouldAnswer502InOpenAiShapeWhenRoutingCannotBeReached() {
        client.post()
                .uri("/v1/chat/completions")
                .header("Authorization", "Bearer k")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isEqualTo(502)
                .expectBody()
                .json(
                        "{\"error\":{\"message\":\"The gateway could not reach the routing service.\",\"type\":\"api_error\","
                                + "\"param\":null,\"code\":\"upstream_error\"}}",
                        true);
    }
}
