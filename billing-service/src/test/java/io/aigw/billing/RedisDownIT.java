package io.aigw.billing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Without Redis billing still starts and stays ready; the usage consumer retries with backoff, a
 * revocation still succeeds (fail open, ADR 0023), and a budget hold answers 503 (ADR 0022).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class RedisDownIT {

    @DynamicPropertySource
    static void noRedis(DynamicPropertyRegistry registry) throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "redis://127.0.0.1:" + closedPort;
        registry.add("spring.data.redis.url", () -> url);
        registry.add("AIGW_DATA_DIR", Files.createTempDirectory("billing-h2-")::toString);
        registry.add("aigw.billing.admin-token", () -> RealInfrastructure.ADMIN_TOKEN);
        registry.add("aigw.internal.token", () -> RealInfrastructure.INTERNAL_TOKEN);
    }

    @Autowired
    WebTestClient client;

    @Test
    void shouldStayReadyAndRetryWhenRedisIsAbsent() {
        client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> client.get()
                .uri("/actuator/health")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.components.usageStream.details.connected")
                .isEqualTo(false)
                .jsonPath("$.components.usageStream.details.retrying")
                .exists());
    }

    @Test
    void shouldRevokeButRefuseHoldsWhenRedisIsAbsent() {
        WebTestClient admin = client.mutate()
                .defaultHeader("Authorization", "Bearer " + RealInfrastructure.ADMIN_TOKEN)
                .responseTimeout(Duration.ofSeconds(30))
                .build();
        admin.post()
                .uri("/admin/tenants")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("id", "offline", "display_name", "Offline", "plan", "pro"))
                .exchange()
                .expectStatus()
                .isCreated();
        String keyId = (String) admin.post()
                .uri("/admin/tenants/offline/keys")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "k"))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("id");

        admin.post()
                .uri("/admin/tenants/offline/keys/" + keyId + "/revoke")
                .exchange()
                .expectStatus()
                .isOk();
        client.mutate()
                .responseTimeout(Duration.ofSeconds(30))
                .build()
                .post()
                .uri("/internal/budgets/holds")
                .header("x-aigw-internal-token", RealInfrastructure.INTERNAL_TOKEN)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("tenant_id", "offline", "max_cost_usd", "0.01"))
                .exchange()
                .expectStatus()
                .isEqualTo(503)
                .expectBody()
                .json(
                        """
                        {"type":"urn:aigw:billing:problem:unavailable","title":"Service unavailable","status":503,
                         "detail":"a backing store is unavailable; retry later","instance":"/internal/budgets/holds"}""",
                        true);
    }
}
