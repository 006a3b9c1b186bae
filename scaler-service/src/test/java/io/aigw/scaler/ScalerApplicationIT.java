package io.aigw.scaler;

import static org.assertj.core.api.Assertions.assertThat;

import io.aigw.scaler.application.DecisionLog;
import io.aigw.scaler.application.DecisionRecord;
import io.aigw.scaler.application.ScalerMetrics;
import io.aigw.testsupport.TestInfrastructure;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The service starts over real HTTP with no scaler configuration (dry-run, scrape defaults, no
 * Kubernetes, the H2 file decision log of ADR 0020 in a temporary folder) and exposes what operators
 * and the scaler scrape, and the decision log.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "AIGW_ADMIN_TOKEN=test-admin-token")
@AutoConfigureWebTestClient
class ScalerApplicationIT {

    @DynamicPropertySource
    static void isolated(DynamicPropertyRegistry registry) throws IOException {
        String dir = Files.createTempDirectory("scaler-it").toString();
        registry.add("AIGW_DATA_DIR", () -> dir);
        // database 15 of the shared test Redis: the loop's policy never lands where routing's tests read it
        registry.add("spring.data.redis.url", () -> TestInfrastructure.redis().url() + "/15");
    }

    @Autowired
    WebTestClient client;

    @Autowired
    DecisionLog decisions;

    @Autowired
    ScalerMetrics metrics;

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
    void shouldExposeJvmMetricsTaggedWithTheApplicationWhenPrometheusScrapes() {
        client.get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(body ->
                        assertThat(body).contains("jvm_memory_used_bytes").contains("application=\"scaler-service\""));
    }

    @Test
    void shouldExposeTheScalerMetricsWhenDecisionsWereMade() {
        // given
        metrics.replicas("routing", 2, 3);
        metrics.decision("routing", "scale_up");

        // then
        client.get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(body -> assertThat(body)
                        .contains("aigw_scaler_desired_replicas{application=\"scaler-service\",workload=\"routing\"} 3")
                        .contains("aigw_scaler_current_replicas{application=\"scaler-service\",workload=\"routing\"} 2")
                        .contains(
                                "aigw_scaler_decisions_total{application=\"scaler-service\",reason=\"scale_up\",workload=\"routing\"}")
                        .contains("aigw_scaler_policy_version")
                        .contains("aigw_scaler_errors_total"));
    }

    @Test
    void shouldListRecordedDecisionsNewestFirstWhenTheAdminTokenIsGiven() {
        // given: a workload the running control loop never decides for, so its own (current) records
        // cannot come first
        decisions.record(new DecisionRecord(
                Instant.parse("2026-01-01T10:00:00Z"), "decision-log-it", "scale_up", 1, 2, false, "rate", "older"));
        decisions.record(new DecisionRecord(
                Instant.parse("2026-01-01T10:00:15Z"), "decision-log-it", "stabilized", 2, 2, false, "rate", "newer"));

        // then
        client.get()
                .uri("/admin/scaler/decisions?workload=decision-log-it&limit=2")
                .header("Authorization", "Bearer test-admin-token")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(2)
                .jsonPath("$[0].message")
                .isEqualTo("newer")
                .jsonPath("$[0].rule")
                .isEqualTo("stabilized")
                .jsonPath("$[1].desired_replicas")
                .isEqualTo(2)
                .jsonPath("$[1].at")
                .isEqualTo("2026-01-01T10:00:00Z");
    }

    @Test
    void shouldAnswerAProblemDetailWhenTheAdminTokenIsWrong() {
        client.get()
                .uri("/admin/scaler/decisions")
                .header("Authorization", "Bearer wrong")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .json(
                        """
                        {"type":"https://aigw.io/problems/unauthorized","title":"Unauthorized","status":401,
                         "detail":"a valid admin bearer token is needed","instance":"/admin/scaler/decisions"}
                        """,
                        org.springframework.test.json.JsonCompareMode.STRICT);
    }

    @Test
    void shouldAnswerAProblemDetailWhenTheLimitIsOutOfRange() {
        client.get()
                .uri("/admin/scaler/decisions?limit=0")
                .header("Authorization", "Bearer test-admin-token")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://aigw.io/problems/invalid-parameter");
    }
}
