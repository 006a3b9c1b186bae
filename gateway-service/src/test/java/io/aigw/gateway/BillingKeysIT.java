package io.aigw.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.aigw.api.AigwHeaders;
import io.aigw.testsupport.TestInfrastructure;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Keys owned by billing (ADR 0023), over real HTTP and the real key cache in Redis; billing and
 * routing are mock servers. Every test uses keys and tenants of its own, so the shared Redis never
 * carries one test's entries into another.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class BillingKeysIT {

    private static final String TOKEN = "internal-test-token";
    private static final WireMockServer routing = started();
    private static final WireMockServer billing = started();

    @Autowired
    WebTestClient client;

    @Autowired
    ReactiveStringRedisTemplate redis;

    private static WireMockServer started() {
        WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        return server;
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("aigw.internal.token", () -> TOKEN);
        registry.add("aigw.gateway.demo-key", () -> "");
        registry.add("spring.data.redis.url", () -> TestInfrastructure.redis().url());
        registry.add("aigw.gateway.routing-url", routing::baseUrl);
        registry.add("aigw.gateway.billing-url", billing::baseUrl);
    }

    @AfterAll
    static void stop() {
        routing.stop();
        billing.stop();
    }

    @BeforeEach
    void reset() {
        routing.resetAll();
        billing.resetAll();
        routing.stubFor(post(urlEqualTo("/v1/chat/completions"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"ok\":true}")));
    }

    private static String sha256(String key) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    }

    private void billingKnows(String key, String tenant, int rpm) throws Exception {
        billing.stubFor(post(urlEqualTo("/internal/keys/resolve"))
                .withHeader(AigwHeaders.INTERNAL_TOKEN, equalTo(TOKEN))
                .withRequestBody(matchingJsonPath("$.key_sha256", equalTo(sha256(key))))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"tenant_id\":\"" + tenant + "\",\"key_id\":\"key_1\",\"plan\":{\"name\":\"basic\","
                                + "\"requests_per_day\":null,\"tokens_per_day\":null,\"requests_per_minute\":" + rpm
                                + ",\"tokens_per_minute\":null},\"expires_at\":null,\"cache_ttl_seconds\":60}")));
    }

    private WebTestClient.ResponseSpec ask(String key) {
        return client.post()
                .uri("/v1/chat/completions")
                .header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange();
    }

    @Test
    void shouldForwardAsTheTenantBillingNamesAndApplyItsPlanWhenBillingKnowsTheKey() throws Exception {
        String key = "aigw-it-" + UUID.randomUUID();
        String tenant = "acme-" + UUID.randomUUID();
        billingKnows(key, tenant, 77);

        ask(key).expectStatus().isOk().expectHeader().valueEquals("x-ratelimit-limit-requests", "77");
        ask(key).expectStatus().isOk();

        routing.verify(
                2,
                postRequestedFor(urlEqualTo("/v1/chat/completions"))
                        .withHeader(AigwHeaders.TENANT, equalTo(tenant))
                        .withHeader(AigwHeaders.KEY_ID, equalTo("key_1")));
        // the second request was answered from the key cache in Redis
        billing.verify(1, postRequestedFor(urlEqualTo("/internal/keys/resolve")));
    }

    @Test
    void shouldRefuseWith401WhenBillingDoesNotKnowTheKey() {
        billing.stubFor(post(urlEqualTo("/internal/keys/resolve"))
                .willReturn(aResponse().withStatus(404)));

        ask("aigw-unknown-" + UUID.randomUUID())
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .json(
                        "{\"error\":{\"message\":\"Incorrect API key provided.\",\"type\":\"authentication_error\","
                                + "\"param\":null,\"code\":\"invalid_api_key\"}}",
                        true);
    }

    @Test
    void shouldRefuseARevokedKeyAsSoonAsBillingAnnouncesTheRevocation() throws Exception {
        String key = "aigw-revoked-" + UUID.randomUUID();
        billingKnows(key, "acme", 100);
        ask(key).expectStatus().isOk();

        // what billing does on revoke: the cache entry becomes the tombstone, and the hash is announced
        redis.opsForValue()
                .set("aigw:key:" + sha256(key), "revoked", Duration.ofMinutes(1))
                .block();
        redis.convertAndSend("aigw:keys:revoked", sha256(key)).block();

        // far sooner than the in-process memory's 5 s would forget the key by itself
        await().atMost(Duration.ofSeconds(2))
                .pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> ask(key).expectStatus().isUnauthorized());
        billing.verify(1, postRequestedFor(urlEqualTo("/internal/keys/resolve")));
    }

    @Test
    void shouldRememberTheOwnerInProcessSoRequestsNeedNeitherRedisNorBilling() throws Exception {
        String key = "aigw-remembered-" + UUID.randomUUID();
        billingKnows(key, "acme-" + UUID.randomUUID(), 100);
        ask(key).expectStatus().isOk();

        // without the in-process copy this request would have to ask billing again
        redis.delete("aigw:key:" + sha256(key)).block();
        ask(key).expectStatus().isOk();

        billing.verify(1, postRequestedFor(urlEqualTo("/internal/keys/resolve")));
    }

    @Test
    void shouldResolveAgainWhenBillingAnnouncesThatTheKeysPlanChanged() throws Exception {
        String key = "aigw-changed-" + UUID.randomUUID();
        String tenant = "acme-" + UUID.randomUUID();
        billingKnows(key, tenant, 100);
        ask(key).expectStatus().isOk().expectHeader().valueEquals("x-ratelimit-limit-requests", "100");

        // what billing does on a plan change: drop the cache entry, announce the hash
        billingKnows(key, tenant, 200);
        redis.delete("aigw:key:" + sha256(key)).block();
        redis.convertAndSend("aigw:keys:changed", sha256(key)).block();

        await().atMost(Duration.ofSeconds(2))
                .pollInterval(Duration.ofMillis(20))
                .untilAsserted(() ->
                        ask(key).expectStatus().isOk().expectHeader().valueEquals("x-ratelimit-limit-requests", "200"));
    }

    @Test
    void shouldRefuseWith503NotLetThroughWhenTheKeyCannotBeChecked() {
        billing.stubFor(post(urlEqualTo("/internal/keys/resolve"))
                .willReturn(aResponse().withStatus(500)));

        ask("aigw-unchecked-" + UUID.randomUUID())
                .expectStatus()
                .isEqualTo(503)
                .expectBody()
                .json(
                        "{\"error\":{\"message\":\"The key service is unavailable right now; please retry shortly.\","
                                + "\"type\":\"api_error\",\"param\":null,\"code\":\"no_capacity\"}}",
                        true);
        routing.verify(0, postRequestedFor(urlEqualTo("/v1/chat/completions")));
    }

    @Test
    void shouldPassAdminCallsToBillingWithTheirOwnCredentialWhenNoGatewayKeyIsSent() {
        billing.stubFor(get(urlEqualTo("/admin/tenants"))
                .withHeader("Authorization", equalTo("Bearer admin-secret"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("[]")));

        client.get()
                .uri("/admin/tenants")
                .header("Authorization", "Bearer admin-secret")
                .header(AigwHeaders.TENANT, "forged")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .json("[]");
        billing.verify(getRequestedFor(urlEqualTo("/admin/tenants")).withoutHeader(AigwHeaders.TENANT));
    }
}
