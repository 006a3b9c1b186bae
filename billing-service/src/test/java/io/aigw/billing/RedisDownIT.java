package io.aigw.billing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Without Redis billing still starts and stays ready; the usage consumer retries with backoff. */
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
}
