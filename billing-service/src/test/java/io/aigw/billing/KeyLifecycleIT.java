package io.aigw.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.aigw.billing.domain.KeyMaterial;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A gateway key's life over real HTTP, PostgreSQL and Redis: created and shown once, resolved by the
 * gateway's internal call, revoked (cache tombstone and pub/sub notice), then refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class KeyLifecycleIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "billing_key_lifecycle_it");
        registry.add("aigw.billing.demo-key", () -> DEMO_KEY);
    }

    @AfterAll
    static void forgetRedisState() {
        RealInfrastructure.forget(RealInfrastructure.stream("billing_key_lifecycle_it"), "demo", "acme", "globex");
    }

    private static final String DEMO_KEY =
            "aigw-demo-" + java.util.UUID.randomUUID().toString().replace("-", "");

    @Autowired
    WebTestClient client;

    @Autowired
    StringRedisTemplate redis;

    @Test
    void shouldRefuseTheKeyWhenItWasRevoked() throws InterruptedException {
        // given a tenant on the basic plan with a new key
        admin().post()
                .uri("/admin/tenants")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("id", "acme", "display_name", "Acme Inc.", "plan", "basic"))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectHeader()
                .location("/admin/tenants/acme");
        Map<?, ?> created = admin().post()
                .uri("/admin/tenants/acme/keys")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "ci"))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectHeader()
                .valueEquals("Cache-Control", "no-store")
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        String secret = (String) created.get("key");
        String keyId = (String) created.get("id");
        assertThat(secret).matches("aigw-[0-9a-f]{8}-[0-9a-f]{64}");
        assertThat(created.get("prefix")).isEqualTo(secret.substring(0, 13));

        // when the gateway resolves it (by hash, and by the key itself)
        resolve(Map.of("key_sha256", KeyMaterial.hash(secret)))
                .expectStatus()
                .isOk()
                .expectBody()
                .json(
                        """
                        {"tenant_id":"acme","key_id":"%s",
                         "plan":{"name":"basic","requests_per_day":20000,"tokens_per_day":10000000,
                                 "requests_per_minute":120,"tokens_per_minute":300000,"max_tier":2,
                                 "allowed_models":[],"monthly_budget_usd":"100"},
                         "expires_at":null,"cache_ttl_seconds":60}"""
                                .formatted(keyId),
                        true);
        resolve(Map.of("key", secret))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.key_id")
                .isEqualTo(keyId);

        // then the listing shows it without the secret or the hash
        admin().get()
                .uri("/admin/tenants/acme/keys")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(body -> assertThat(body)
                        .contains(keyId)
                        .doesNotContain(secret)
                        .doesNotContain(KeyMaterial.hash(secret)));

        // when it is revoked
        BlockingQueue<String> notices = new LinkedBlockingQueue<>();
        RedisMessageListenerContainer listener = subscribe(notices);
        try {
            admin().post()
                    .uri("/admin/tenants/acme/keys/" + keyId + "/revoke")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.revoked_at")
                    .isNotEmpty();

            // then every gateway is told, the cache holds a tombstone, and resolving is refused
            assertThat(notices.poll(10, TimeUnit.SECONDS)).isEqualTo(KeyMaterial.hash(secret));
        } finally {
            listener.stop();
        }
        assertThat(redis.opsForValue().get("aigw:key:" + KeyMaterial.hash(secret)))
                .isEqualTo("revoked");
        assertThat(redis.getExpire("aigw:key:" + KeyMaterial.hash(secret))).isBetween(1L, 60L);
        resolve(Map.of("key_sha256", KeyMaterial.hash(secret)))
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .json(
                        """
                        {"type":"urn:aigw:billing:problem:not-found","title":"Not found","status":404,
                         "detail":"no active key with that hash (unknown, revoked or expired)",
                         "instance":"/internal/keys/resolve"}""",
                        true);
    }

    @Test
    void shouldResolveTheConfiguredDemoKeyWhenSeededAtStartUp() {
        resolve(Map.of("key", DEMO_KEY))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.tenant_id")
                .isEqualTo("demo")
                .jsonPath("$.plan.name")
                .isEqualTo("pro");
        admin().get()
                .uri("/admin/tenants/demo/keys")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[0].prefix")
                .isEqualTo("aigw-demo-")
                .jsonPath("$.length()")
                .isEqualTo(1);
    }

    @Test
    void shouldAnswerUnauthorizedProblemWhenTheAdminTokenIsMissingOrWrong() {
        client.get()
                .uri("/admin/tenants")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueEquals("WWW-Authenticate", "Bearer realm=\"aigw-admin\"")
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .json(
                        """
                        {"type":"urn:aigw:billing:problem:unauthorized","title":"Unauthorized","status":401,
                         "detail":"this API needs a credential","instance":"/admin/tenants"}""",
                        true);
        client.get()
                .uri("/admin/plans")
                .header("Authorization", "Bearer wrong")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .json(
                        """
                        {"type":"urn:aigw:billing:problem:unauthorized","title":"Unauthorized","status":401,
                         "detail":"the credential is not valid","instance":"/admin/plans"}""",
                        true);
    }

    @Test
    void shouldRefuseTheInternalApiWhenTheInternalTokenIsMissing() {
        client.post()
                .uri("/internal/keys/resolve")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("key", "aigw-anything"))
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:aigw:billing:problem:unauthorized");
    }

    @Test
    void shouldAnswerBadRequestProblemWhenTheInputIsBad() {
        admin().post()
                .uri("/admin/tenants")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("id", "Not A Slug", "display_name", "x", "plan", "free"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .json(
                        """
                        {"type":"urn:aigw:billing:problem:invalid-input","title":"Invalid input","status":400,
                         "detail":"tenant id must be 1-64 lower-case letters, digits, '-' or '_', was 'Not A Slug'",
                         "instance":"/admin/tenants","field":"id"}""",
                        true);
        admin().post()
                .uri("/admin/tenants")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{not json")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:aigw:billing:problem:invalid-input");
        admin().put()
                .uri("/admin/plans/free")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"max_tier\":\"high\"}")
                .exchange()
                .expectStatus()
                .isBadRequest();
        admin().post()
                .uri("/admin/tenants")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("id", "nobody", "display_name", "x", "plan", "gold"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.field")
                .isEqualTo("plan");
        admin().get()
                .uri("/admin/tenants/nobody")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:aigw:billing:problem:not-found");
        admin().get()
                .uri("/admin/nothing-here")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:aigw:billing:problem:not-found");
    }

    @Test
    void shouldShipFourPlansAndChangeThemWhenEdited() {
        admin().get()
                .uri("/admin/plans")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[*].name")
                .isEqualTo(java.util.List.of("basic", "enterprise", "free", "pro"))
                .jsonPath("$[?(@.name=='enterprise')].monthly_budget_usd")
                .isEqualTo(java.util.Collections.singletonList(null));
        admin().put()
                .uri("/admin/plans/pro")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(
                        """
                        {"requests_per_day":1000,"tokens_per_day":null,"requests_per_minute":100,
                         "tokens_per_minute":100000,"max_tier":2,"allowed_models":["gpt-4o-mini","auto"],
                         "monthly_budget_usd":"250.50"}""")
                .exchange()
                .expectStatus()
                .isOk();
        admin().get()
                .uri("/admin/plans/pro")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .json(
                        """
                        {"name":"pro","requests_per_day":1000,"tokens_per_day":null,"requests_per_minute":100,
                         "tokens_per_minute":100000,"max_tier":2,"allowed_models":["gpt-4o-mini","auto"],
                         "monthly_budget_usd":"250.5"}""",
                        true);
        admin().put()
                .uri("/admin/plans/pro")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"max_tier\":7}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.field")
                .isEqualTo("max_tier");
    }

    @Test
    void shouldMoveATenantToAnotherPlanWhenAsked() {
        admin().post()
                .uri("/admin/tenants")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("id", "globex", "display_name", "Globex", "plan", "free"))
                .exchange()
                .expectStatus()
                .isCreated();
        admin().put()
                .uri("/admin/tenants/globex/plan")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("plan", "enterprise"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.plan")
                .isEqualTo("enterprise");
        admin().post()
                .uri("/admin/tenants")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("id", "globex", "display_name", "Globex again", "plan", "free"))
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:aigw:billing:problem:conflict");
    }

    @Test
    void shouldServeTheOpenApiDocumentToTheAdmin() {
        admin().get()
                .uri("/admin/openapi")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.paths['/admin/tenants']")
                .exists()
                .jsonPath("$.paths['/internal/keys/resolve']")
                .exists()
                .jsonPath("$.paths['/internal/budgets/holds']")
                .exists()
                .jsonPath("$.components.securitySchemes.admin.scheme")
                .isEqualTo("bearer")
                .jsonPath("$.components.securitySchemes.internal.name")
                .isEqualTo("x-aigw-internal-token");
    }

    private WebTestClient admin() {
        return client.mutate()
                .defaultHeader("Authorization", "Bearer " + RealInfrastructure.ADMIN_TOKEN)
                .responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    private WebTestClient.ResponseSpec resolve(Map<String, String> body) {
        return client.post()
                .uri("/internal/keys/resolve")
                .header("x-aigw-internal-token", RealInfrastructure.INTERNAL_TOKEN)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private RedisMessageListenerContainer subscribe(BlockingQueue<String> notices) {
        RedisMessageListenerContainer container = new RedisMessageListenerContainer();
        container.setConnectionFactory(redis.getConnectionFactory());
        container.addMessageListener(
                (message, pattern) -> notices.add(new String(message.getBody())),
                new ChannelTopic("aigw:keys:revoked"));
        container.afterPropertiesSet();
        container.start();
        return container;
    }
}
