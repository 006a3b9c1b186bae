package io.aigw.billing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The service starts over real HTTP with no configuration, on the embedded H2 file database (ADR
 * 0020; in a temporary folder instead of {@code .run/data}), and exposes what operators and the
 * scaler scrape. Only the usage stream's name is its own, so that this test never consumes events
 * another build on the same Redis publishes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class BillingApplicationIT {

    @DynamicPropertySource
    static void embedded(DynamicPropertyRegistry registry) throws IOException {
        Path dataDir = Files.createTempDirectory("billing-h2-");
        registry.add("AIGW_DATA_DIR", dataDir::toString);
        registry.add(
                "aigw.billing.usage.stream",
                () -> "aigw:usage:it:embedded:" + ProcessHandle.current().pid());
    }

    @Autowired
    WebTestClient client;

    @Test
    void shouldReportUpWhenHealthIsAsked() {
        client.get()
                .uri("/actuator/health/readiness")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP");
    }

    @Test
    void shouldTellTheEmbeddedDatabaseWhenNoPostgresIsConfigured() {
        client.get()
                .uri("/actuator/health")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.components.storage.details.database")
                .isEqualTo("H2")
                .jsonPath("$.components.storage.details.reason")
                .isEqualTo("AIGW_POSTGRES_URL not set");
    }

    @Test
    void shouldExposeJvmMetricsTaggedWithTheApplicationWhenPrometheusScrapes() {
        client.get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(body -> org.assertj.core.api.Assertions.assertThat(body)
                        .contains("jvm_memory_used_bytes")
                        .contains("application=\"billing-service\""));
    }
}
