package io.aigw.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aigw.billing.application.ReportService;
import io.aigw.billing.domain.ReportDimension;
import io.aigw.billing.domain.ReportQuery;
import io.aigw.billing.domain.UsageReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service starts over real HTTP with no configuration, on the embedded H2 file database (ADR
 * 0020; in a temporary folder instead of {@code .run/data}), and exposes what operators and the
 * scaler scrape. Only the usage stream's name is its own, so that this test never consumes events
 * another build on the same Redis publishes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class BillingApplicationIT {

    private static final String STREAM = "aigw:usage:it:embedded:" + UUID.randomUUID();

    @DynamicPropertySource
    static void embedded(DynamicPropertyRegistry registry) throws IOException {
        Path dataDir = Files.createTempDirectory("billing-h2-");
        registry.add("AIGW_DATA_DIR", dataDir::toString);
        registry.add("aigw.billing.usage.stream", () -> STREAM);
    }

    @AfterAll
    static void forgetRedisState() {
        RealInfrastructure.forget(STREAM, "acme");
    }

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ReportService reports;

    @Test
    void shouldRecordAndReportUsageWhenRunningOnTheEmbeddedDatabase() {
        // the portable migrations and SQL work on H2 too, not only on PostgreSQL (ADR 0020)
        UsageEventsFixture.publish(redis, json, STREAM, "req-h2");

        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM usage_ledger", Long.class) == 1L);
        UsageReport report = reports.report(new ReportQuery(
                        LocalDate.parse("2026-11-01"),
                        LocalDate.parse("2026-11-30"),
                        List.of(ReportDimension.MODEL, ReportDimension.DAY),
                        Optional.of("acme")))
                .block();
        assertThat(report.totals().costUsd()).isEqualByComparingTo("0.000345678912");
        assertThat(report.rows()).hasSize(1);
        assertThat(report.rows().get(0).keys())
                .containsEntry(ReportDimension.MODEL, "gpt-4o-mini")
                .containsEntry(ReportDimension.DAY, "2026-11-15");
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
                .value(body ->
                        assertThat(body).contains("jvm_memory_used_bytes").contains("application=\"billing-service\""));
    }
}
