package io.aigw.cache;

import static io.aigw.cache.CacheCalls.answer;
import static io.aigw.cache.CacheCalls.chat;
import static io.aigw.cache.CacheCalls.lookup;
import static io.aigw.cache.CacheCalls.store;

import io.aigw.api.AigwHeaders;
import io.aigw.testsupport.TestInfrastructure;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The one-command configuration: real Redis, no PostgreSQL, so the in-process semantic index serves
 * and says so; plus what operators scrape and the problem details of bad calls.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class CacheApplicationIT {

    @Autowired
    WebTestClient client;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.url", () -> TestInfrastructure.redis().url());
        registry.add("aigw.cache.semantic.postgres.url", () -> "");
        registry.add("aigw.internal.token", () -> CacheCalls.TOKEN);
    }

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
    void shouldSayTheInProcessIndexServesWhenNoPostgresIsConfigured() {
        client.get()
                .uri("/actuator/health")
                .exchange()
                .expectBody()
                .jsonPath("$.components.semanticIndex.details.index")
                .isEqualTo("in-memory")
                .jsonPath("$.components.semanticIndex.details.reason")
                .isEqualTo("no PostgreSQL configured");
    }

    @Test
    void shouldServeAVerifiedParaphraseFromTheInProcessIndex() {
        String tenant = "t-" + UUID.randomUUID();
        store(client, tenant, chat("gpt-4o-mini", "How many ounces are in a pound?"), answer("16"))
                .expectBody()
                .jsonPath("$.layers[1]")
                .isEqualTo("semantic");

        lookup(client, tenant, chat("gpt-4o-mini", "how many ounces r in a pound"))
                .expectBody()
                .jsonPath("$.result")
                .isEqualTo("hit-semantic");
        lookup(client, "t-" + UUID.randomUUID(), chat("gpt-4o-mini", "how many ounces r in a pound"))
                .expectBody()
                .jsonPath("$.result")
                .isEqualTo("miss");
    }

    @Test
    void shouldExposeCacheMetricsWhenPrometheusScrapes() {
        lookup(client, "t-metrics", chat("gpt-4o-mini", "Is this cached?"))
                .expectStatus()
                .isOk();

        client.get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(body -> org.assertj.core.api.Assertions.assertThat(body)
                        .contains("jvm_memory_used_bytes")
                        .contains("application=\"cache-service\"")
                        .contains("aigw_cache_lookups_total{application=\"cache-service\",result=\"miss\"}")
                        .contains("aigw_cache_lookup_duration_seconds")
                        .contains("aigw_cache_entries{application=\"cache-service\",layer=\"semantic\"}"));
    }

    @Test
    void shouldAnswer401ProblemWhenTheInternalTokenIsMissing() {
        client.post()
                .uri("/internal/cache/lookup")
                .header(AigwHeaders.TENANT, "t")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .json(
                        "{\"type\":\"urn:aigw:problem:internal-call-only\",\"title\":\"Internal calls only\","
                                + "\"status\":401,\"detail\":\"The cache API only accepts internal calls with"
                                + " x-aigw-internal-token.\",\"instance\":\"/internal/cache/lookup\"}",
                        true);
    }

    @Test
    void shouldAnswer400ProblemWhenTheTenantHeaderIsMissing() {
        client.post()
                .uri("/internal/cache/lookup")
                .header(AigwHeaders.INTERNAL_TOKEN, CacheCalls.TOKEN)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"request\":" + chat("m", "hi") + "}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .json(
                        "{\"type\":\"urn:aigw:problem:missing-tenant\",\"title\":\"Bad cache request\",\"status\":400,"
                                + "\"detail\":\"x-aigw-tenant is required\",\"instance\":\"/internal/cache/lookup\","
                                + "\"pointer\":\"x-aigw-tenant\"}",
                        true);
    }

    @Test
    void shouldAnswer400ProblemWhenTheBodyIsNotJson() {
        CacheCalls.post(client, "/internal/cache/store", "t", "{not json")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .json(
                        "{\"type\":\"urn:aigw:problem:malformed-json\",\"title\":\"Bad cache request\",\"status\":400,"
                                + "\"detail\":\"the body is not valid JSON\",\"instance\":\"/internal/cache/store\","
                                + "\"pointer\":\"/\"}",
                        true);
    }

    @Test
    void shouldAnswer400ProblemNamingTheFieldWhenMessagesAreMissing() {
        CacheCalls.post(client, "/internal/cache/lookup", "t", "{\"request\":{\"model\":\"gpt-4o-mini\"}}")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:aigw:problem:invalid-request")
                .jsonPath("$.pointer")
                .isEqualTo("/request/messages");
    }
}
