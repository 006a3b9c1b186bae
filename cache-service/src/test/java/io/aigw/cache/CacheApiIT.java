package io.aigw.cache;

import static io.aigw.cache.CacheCalls.answer;
import static io.aigw.cache.CacheCalls.chat;
import static io.aigw.cache.CacheCalls.lookup;
import static io.aigw.cache.CacheCalls.store;
import static org.assertj.core.api.Assertions.assertThat;

import io.aigw.api.AigwHeaders;
import io.aigw.cache.format.ExactCacheKey;
import io.aigw.cache.format.ExactEntry;
import io.aigw.testsupport.PostgresEndpoint;
import io.aigw.testsupport.TestInfrastructure;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/** The cache API over real HTTP against the real Redis and PostgreSQL with pgvector. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class CacheApiIT {

    private static final String MODEL = "gpt-4o-mini";

    @Autowired
    WebTestClient client;

    @Autowired
    StringRedisTemplate redis;

    private final JsonMapper json = JsonMapper.builder().build();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws SQLException {
        PostgresEndpoint db = TestInfrastructure.postgres().freshSchema("cache_api_it");
        registry.add("spring.data.redis.url", () -> TestInfrastructure.redis().url());
        registry.add("aigw.cache.semantic.postgres.url", db::jdbcUrl);
        registry.add("aigw.cache.semantic.postgres.user", db::user);
        registry.add("aigw.cache.semantic.postgres.password", db::password);
        registry.add("aigw.internal.token", () -> CacheCalls.TOKEN);
        registry.add("aigw.cache.tenant-ttls.short-lived", () -> "1s");
    }

    private static String tenant() {
        return "t-" + UUID.randomUUID();
    }

    @Test
    void shouldHitExactlyWhenTheSameRequestComesBackWithFieldsInAnotherOrder() {
        String tenant = tenant();
        store(client, tenant, chat(MODEL, "What is the capital of Portugal?"), answer("Lisbon"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.stored")
                .isEqualTo(true)
                .jsonPath("$.layers[0]")
                .isEqualTo("exact");

        String reordered = "{\"temperature\":0.0,\"messages\":[{\"content\":\"Be brief.\",\"role\":\"system\"},"
                + "{\"content\":\"What is the capital of Portugal?\",\"role\":\"user\"}],\"model\":\"gpt-4o-mini\"}";
        lookup(client, tenant, reordered)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.result")
                .isEqualTo("hit-exact")
                .jsonPath("$.response.choices[0].message.content")
                .isEqualTo("Lisbon")
                .jsonPath("$.savedUsd")
                .isEqualTo(0.0042);
    }

    @Test
    void shouldWriteTheExactEntryWhereRoutingReadsItInTheSharedFormat() {
        String tenant = tenant();
        String request = chat(MODEL, "Which river runs through Lisbon?");
        store(client, tenant, request, answer("The Tagus")).expectStatus().isOk();

        // routing derives the key from the request it holds and decodes the value itself
        String value = redis.opsForValue().get(ExactCacheKey.of(tenant, json.readTree(request)));

        assertThat(value).isNotNull();
        assertThat(ExactEntry.decode(value).responseJson()).contains("The Tagus");
        assertThat(ExactEntry.decode(value).costUsd()).contains(new BigDecimal("0.0042"));
    }

    @Test
    void shouldAnswerFromTheSemanticLayerAloneWhenAskedForSemanticOnly() {
        String tenant = tenant();
        String request = chat(MODEL, "How do I sort a list in Python?");
        store(client, tenant, request, answer("sorted(xs)")).expectStatus().isOk();

        // the identical request: a semantic-only lookup must not report the exact layer's hit
        post(tenant, "{\"request\":" + request + ",\"mode\":\"semantic-only\"}")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.result")
                .isEqualTo("hit-semantic")
                .jsonPath("$.semanticLayer")
                .isEqualTo(true);
    }

    @Test
    void shouldTellRoutingItsStorePolicySoRoutingLeavesStoresToTheSemanticLayer() {
        post(tenant(), "{\"request\":" + chat(MODEL, "Anything new?") + ",\"mode\":\"exact-only\"}")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.storePolicy.semantic_layer")
                .isEqualTo(true)
                .jsonPath("$.storePolicy.tenant_ttl_ms.short-lived")
                .isEqualTo(1000)
                .jsonPath("$.storePolicy.default_ttl_ms")
                .isEqualTo(3_600_000)
                .jsonPath("$.storePolicy.max_temperature_without_opt_in")
                .isNumber();
    }

    @Test
    void shouldMissWhenAnAnswerChangingFieldDiffers() {
        String tenant = tenant();
        store(client, tenant, chat(MODEL, "Name a prime number."), answer("7"))
                .expectStatus()
                .isOk();

        // temperature is in the exact key, not in the semantic scope: ask the exact layer alone
        post(
                        tenant,
                        "{\"request\":"
                                + chat(MODEL, "Name a prime number.")
                                        .replace("\"temperature\":0", "\"temperature\":0.5")
                                + ",\"mode\":\"exact-only\"}")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.result")
                .isEqualTo("miss");
        lookup(client, tenant, chat("gpt-4o", "Name a prime number."))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.result")
                .isEqualTo("miss");
    }

    @Test
    void shouldServeAVerifiedParaphraseAndRejectANearMissWhenSemanticLookupRuns() {
        String tenant = tenant();
        store(client, tenant, chat(MODEL, "How do I reverse a string in Python?"), answer("s[::-1]"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.layers[1]")
                .isEqualTo("semantic");

        lookup(client, tenant, chat(MODEL, "hey, how do i reverse a string in pyhton? thanks!"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.result")
                .isEqualTo("hit-semantic")
                .jsonPath("$.similarity")
                .value(s -> assertThat(((Number) s).doubleValue()).isBetween(0.75, 1.0))
                .jsonPath("$.response.choices[0].message.content")
                .isEqualTo("s[::-1]");
        lookup(client, tenant, chat(MODEL, "How do I reverse a string in JavaScript?"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.result")
                .isEqualTo("miss");
    }

    @Test
    void shouldNeverServeAnotherTenantsEntryWhenThePromptIsIdentical() {
        String tenantA = tenant();
        String tenantB = tenant();
        String request = chat(MODEL, "Summarize our refund policy in two sentences.");
        store(client, tenantA, request, answer("A's policy")).expectStatus().isOk();

        // exact path: the identical request under tenant B
        post(tenantB, "{\"request\":" + request + ",\"mode\":\"exact-only\"}")
                .expectBody()
                .jsonPath("$.result")
                .isEqualTo("miss");
        // semantic path: identical text, so similarity 1, but another tenant's scope
        lookup(client, tenantB, request).expectBody().jsonPath("$.result").isEqualTo("miss");
        lookup(client, tenantB, chat(MODEL, "Please summarize our refund policy in two sentences."))
                .expectBody()
                .jsonPath("$.result")
                .isEqualTo("miss");
        // and A still gets its own
        lookup(client, tenantA, request).expectBody().jsonPath("$.result").isEqualTo("hit-exact");
    }

    @Test
    void shouldRemoveOnlyTheModelsEntriesWhenInvalidatedByModelAndAllWhenByTenant() {
        String tenant = tenant();
        store(client, tenant, chat(MODEL, "Define latency."), answer("delay"))
                .expectStatus()
                .isOk();
        store(client, tenant, chat("gpt-4o", "Define latency."), answer("delay"))
                .expectStatus()
                .isOk();

        delete(tenant, "?model=" + MODEL)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.removed.exact")
                .isEqualTo(1)
                .jsonPath("$.removed.semantic")
                .isEqualTo(1);
        lookup(client, tenant, chat(MODEL, "Define latency."))
                .expectBody()
                .jsonPath("$.result")
                .isEqualTo("miss");
        lookup(client, tenant, chat("gpt-4o", "Define latency."))
                .expectBody()
                .jsonPath("$.result")
                .isEqualTo("hit-exact");

        delete(tenant, "")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.removed.exact")
                .isEqualTo(1);
        client.get()
                .uri("/internal/cache/stats")
                .header(AigwHeaders.INTERNAL_TOKEN, CacheCalls.TOKEN)
                .header(AigwHeaders.TENANT, tenant)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.entries.exact")
                .isEqualTo(0)
                .jsonPath("$.entries.semantic")
                .isEqualTo(0)
                .jsonPath("$.semanticIndex")
                .isEqualTo("pgvector");
    }

    @Test
    void shouldExpireExactEntriesAfterTheTenantsTtl() {
        store(client, "short-lived", chat(MODEL, "What time zone is Lisbon in?"), answer("WET"))
                .expectStatus()
                .isOk();
        String key = redis.keys("aigw:cache:exact:short-lived:*").iterator().next();
        assertThat(redis.getExpire(key)).isBetween(0L, 1L);

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !Boolean.TRUE.equals(redis.hasKey(key)));
        post("short-lived", "{\"request\":" + chat(MODEL, "What time zone is Lisbon in?") + ",\"mode\":\"exact-only\"}")
                .expectBody()
                .jsonPath("$.result")
                .isEqualTo("miss");
    }

    @Test
    void shouldNotStoreWhenTheAnswerWasCutOff() {
        String cut = answer("Lisb").replace("\"stop\"", "\"length\"");
        store(client, tenant(), chat(MODEL, "Capital of Portugal?"), cut)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.stored")
                .isEqualTo(false)
                .jsonPath("$.reason")
                .isEqualTo("not_finished");
    }

    @Test
    void shouldReportPgvectorInHealthWhenPostgresIsConfigured() {
        client.get()
                .uri("/actuator/health")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.components.semanticIndex.details.index")
                .isEqualTo("pgvector");
    }

    private WebTestClient.ResponseSpec post(String tenant, String body) {
        return CacheCalls.post(client, "/internal/cache/lookup", tenant, body);
    }

    private WebTestClient.ResponseSpec delete(String tenant, String query) {
        return client.delete()
                .uri("/internal/cache/entries" + query)
                .header(AigwHeaders.INTERNAL_TOKEN, CacheCalls.TOKEN)
                .header(AigwHeaders.TENANT, tenant)
                .exchange();
    }
}
