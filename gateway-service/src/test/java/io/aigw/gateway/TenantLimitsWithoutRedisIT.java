package io.aigw.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.aigw.api.AigwHeaders;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * Redis out of reach (a port nothing listens on): requests keep being answered within this replica's
 * share of the plan, and health and metrics say the fallback is active.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class TenantLimitsWithoutRedisIT {

    private static final String KEY = "k";
    private static final WireMockServer routing =
            new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

    static {
        routing.start();
        routing.stubFor(post(urlEqualTo("/v1/chat/completions"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withHeader(AigwHeaders.TOKENS, "10")
                        .withBody("{\"ok\":true}")));
    }

    @Autowired
    WebTestClient client;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        // the Redis client on the HTTP event loops, said here because this is the mode a connect from a loop
        // would hang (ADR 0041 amendment); the default since 2026-12-04
        registry.add("aigw.redis.share-http-event-loops", () -> "true");
        registry.add("spring.data.redis.url", () -> "redis://127.0.0.1:" + deadPort());
        registry.add("aigw.internal.token", () -> "t");
        // the demo key alone: billing-owned keys have their own IT (BillingKeysIT)
        registry.add("aigw.gateway.keys-from-billing", () -> "false");
        registry.add("aigw.gateway.demo-key", () -> KEY);
        registry.add("aigw.gateway.demo-tenant", () -> "offline");
        registry.add("aigw.gateway.routing-url", routing::baseUrl);
        registry.add("aigw.gateway.plans.tiny.rpm", () -> "2");
        registry.add("aigw.gateway.demo-plan", () -> "tiny");
    }

    private static int deadPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stop() {
        routing.stop();
    }

    private WebTestClient.ResponseSpec chat() {
        return client.post()
                .uri("/v1/chat/completions")
                .header("Authorization", "Bearer " + KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"model\":\"m\",\"messages\":[]}")
                .exchange();
    }

    @Test
    void shouldKeepAnsweringWithinTheLocalShareAndSaySoWhenRedisIsAway() {
        chat().expectStatus().isOk().expectHeader().valueEquals("x-ratelimit-remaining-requests", "1");
        chat().expectStatus().isOk().expectHeader().valueEquals("x-ratelimit-remaining-requests", "0");
        chat().expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .exists("retry-after")
                .expectBody()
                .json(
                        "{\"error\":{\"message\":\"Rate limit reached for tenant offline on requests per minute (RPM):"
                                + " Limit 2, Used 2, Requested 1.\",\"type\":\"rate_limit_error\",\"param\":null,"
                                + "\"code\":\"rate_limit_exceeded\"}}",
                        true);

        client.get()
                .uri("/actuator/health")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP")
                .jsonPath("$.components.tenantLimits.details.fallbackActive")
                .isEqualTo(true)
                .jsonPath("$.components.tenantLimits.details.knownReplicas")
                .isEqualTo(1);
        client.get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectBody(String.class)
                .value(metrics -> assertThat(metrics)
                        .contains("aigw_tenant_limits_fallback{application=\"gateway-service\"} 1.0"));
    }
}
