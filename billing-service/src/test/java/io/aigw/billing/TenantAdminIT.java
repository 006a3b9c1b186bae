package io.aigw.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.aigw.billing.domain.KeyMaterial;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A tenant's own admin credential over real HTTP and PostgreSQL (ADR 0024): it sees and manages its
 * tenant only, and neither an encoded path nor a report parameter takes it to another tenant. Also
 * the operator's door: encoded and matrix-parameter spellings of {@code /admin} and {@code
 * /internal} need the credential like the plain ones.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class TenantAdminIT {

    private static final String SCHEMA = "billing_tenant_admin_it";
    private static final String ACME = "acme";
    private static final String GLOBEX = "globex";
    private static final String ACME_ADMIN_TOKEN = "acme-admin-" + UUID.randomUUID();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, SCHEMA);
        registry.add("aigw.billing.tenant-admins[0].tenant", () -> ACME);
        registry.add("aigw.billing.tenant-admins[0].token-sha256", () -> KeyMaterial.hash(ACME_ADMIN_TOKEN));
    }

    @AfterAll
    static void forgetRedisState() {
        RealInfrastructure.forget(RealInfrastructure.stream(SCHEMA), ACME, GLOBEX);
    }

    @Autowired
    WebTestClient client;

    @Value("${local.server.port}")
    int port;

    /** The path exactly as written: percent-escapes are part of what is under test. */
    private java.net.URI raw(String path) {
        return java.net.URI.create("http://127.0.0.1:" + port + path);
    }

    @BeforeEach
    void tenants() {
        for (String tenant : List.of(ACME, GLOBEX)) {
            client.post()
                    .uri("/admin/tenants")
                    .header("Authorization", "Bearer " + RealInfrastructure.ADMIN_TOKEN)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("id", tenant, "display_name", tenant, "plan", "basic"))
                    .exchange()
                    .expectStatus()
                    .value(status -> assertThat(status).isIn(201, 409));
        }
    }

    @Test
    void shouldListOnlyItsOwnTenantWhenTheCallerIsATenantAdmin() {
        // when acme's admin lists tenants
        String body = asAcmeAdmin(HttpMethod.GET, "/admin/tenants", null)
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        // then it sees acme and nothing of globex
        assertThat(body).contains("\"id\":\"acme\"").doesNotContain(GLOBEX);
    }

    @Test
    void shouldManageItsOwnKeysWhenTheCallerIsATenantAdmin() {
        // when acme's admin makes a key, lists and revokes it
        Map<?, ?> created = asAcmeAdmin(HttpMethod.POST, "/admin/tenants/acme/keys", Map.of("name", "ci"))
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        asAcmeAdmin(HttpMethod.GET, "/admin/tenants/acme", null).expectStatus().isOk();
        asAcmeAdmin(HttpMethod.GET, "/admin/tenants/acme/keys", null)
                .expectStatus()
                .isOk();

        // then it may
        asAcmeAdmin(HttpMethod.POST, "/admin/tenants/acme/keys/" + created.get("id") + "/revoke", null)
                .expectStatus()
                .isOk();
    }

    @Test
    void shouldNotRevokeAnotherTenantsKeyThroughItsOwnPath() {
        // given a key of globex, made by the operator
        Map<?, ?> globexKey = client.post()
                .uri("/admin/tenants/globex/keys")
                .header("Authorization", "Bearer " + RealInfrastructure.ADMIN_TOKEN)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "prod"))
                .exchange()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();

        // when acme's admin names it under acme's path, then the key is not acme's
        asAcmeAdmin(HttpMethod.POST, "/admin/tenants/acme/keys/" + globexKey.get("id") + "/revoke", null)
                .expectStatus()
                .isNotFound();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "GET /admin/tenants/globex",
                "GET /admin/tenants/globex/keys",
                "POST /admin/tenants/globex/keys",
                "POST /admin/tenants",
                "PUT /admin/tenants/acme/plan",
                "POST /admin/plans",
                "PUT /admin/plans/basic",
                "GET /admin/openapi",
                "GET /admin/tenants/acme%2F..%2Fglobex/keys",
                "GET /admin/tenants/gl%6Fbex",
                "GET /admin/tenants/globex;acme/keys",
                "GET /admin/reports/usage?tenant=globex"
            })
    void shouldRefuseWith403WhenATenantAdminReachesBeyondItsTenant(String call) {
        String[] parts = call.split(" ");
        Object body = parts[0].equals("GET") ? null : Map.of("plan", "pro", "name", "x", "id", "x");

        asAcmeAdmin(HttpMethod.valueOf(parts[0]), parts[1], body)
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:aigw:billing:problem:forbidden")
                .jsonPath("$.status")
                .isEqualTo(403);
    }

    @Test
    void shouldReportOnlyItsOwnTenantWhenATenantAdminAsksForTheUsageReport() {
        // when acme's admin asks for the report without naming a tenant, grouped by tenant
        asAcmeAdmin(HttpMethod.GET, "/admin/reports/usage?group_by=tenant", null)
                .expectStatus()
                .isOk()
                .expectBody()
                // then the report is narrowed to acme
                .jsonPath("$.tenant")
                .isEqualTo(ACME);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/admin/tenants",
                "/%61dmin/tenants",
                "/admin;x=1/tenants",
                "/%61dmin;x=1/tenants/globex/keys",
                "/%69nternal/keys/resolve",
                "/internal;x=1/keys/resolve"
            })
    void shouldRefuseWith401WhenNoCredentialComesWithAnySpellingOfAProtectedPath(String path) {
        client.method(path.contains("internal") ? HttpMethod.POST : HttpMethod.GET)
                .uri(raw(path))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"key_sha256\":\"" + "0".repeat(64) + "\"}")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:aigw:billing:problem:unauthorized");
    }

    @Test
    void shouldRefuseWith401WhenTheTokenIsNeitherTheOperatorsNorATenantAdmins() {
        client.get()
                .uri("/admin/tenants/acme")
                .header("Authorization", "Bearer " + ACME_ADMIN_TOKEN + "x")
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    private WebTestClient.ResponseSpec asAcmeAdmin(HttpMethod method, String path, Object body) {
        WebTestClient.RequestBodySpec request =
                client.method(method).uri(raw(path)).header("Authorization", "Bearer " + ACME_ADMIN_TOKEN);
        return body == null
                ? request.exchange()
                : request.contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(body)
                        .exchange();
    }
}
