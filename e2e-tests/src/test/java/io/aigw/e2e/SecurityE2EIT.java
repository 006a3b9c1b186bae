package io.aigw.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aigw.launcher.Service;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * No one where they do not belong (issue 10), through the real gateway: one tenant never gets
 * another's cached answers (exact or semantic), usage, limits or budget; a tenant's own admin sees
 * only its tenant; a client cannot pick its tenant with a header; and nobody reaches an internal
 * service's API without the internal token, however the path is spelled.
 */
@ExtendWith(Stack.class)
class SecurityE2EIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void shouldNeverServeOneTenantsExactCacheEntryToAnother() throws Exception {
        String alice = Admin.keyOf(Admin.tenantOn("pro"));
        String bob = Admin.keyOf(Admin.tenantOn("pro"));
        String question = "Which tenant asked this? " + UUID.randomUUID();

        assertThat(chat(alice, question).headers().firstValue("x-aigw-cache")).hasValue("miss");
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> chat(alice, question)
                                .headers()
                                .firstValue("x-aigw-cache")
                                .orElse(""),
                        "hit-exact"::equals);

        // the same question, word for word, from another tenant
        assertThat(chat(bob, question).headers().firstValue("x-aigw-cache")).hasValue("miss");
    }

    @Test
    void shouldNeverServeOneTenantsSemanticCacheEntryToAnother() throws Exception {
        String alice = Admin.keyOf(Admin.tenantOn("pro"));
        String bob = Admin.keyOf(Admin.tenantOn("pro"));
        // fixed words (every run starts with an empty cache): a random tag would move the embedding
        String original = "What is the safest way to rotate the TLS certificate of an nginx ingress without downtime?";
        String typo = "What is the safest way to rotate the TLS certificate of an nginx ingress without downtiem?";
        chat(alice, original);
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> chat(alice, original)
                                .headers()
                                .firstValue("x-aigw-cache")
                                .orElse(""),
                        "hit-exact"::equals);

        // the near-repeat from another tenant is a miss ...
        assertThat(chat(bob, typo).headers().firstValue("x-aigw-cache")).hasValue("miss");
        // ... while the tenant that asked first gets it from the semantic cache: the layer works
        assertThat(chat(alice, typo).headers().firstValue("x-aigw-cache")).hasValue("hit-semantic");
    }

    @Test
    void shouldCountUsageForTheKeysTenantWhateverTenantHeaderTheClientSends() throws Exception {
        String alice = Admin.tenantOn("pro");
        String bob = Admin.tenantOn("pro");
        String aliceKey = Admin.keyOf(alice);

        // when alice's key claims to be bob, in every spelling the edge knows
        HttpResponse<String> answer = send(chatRequest(aliceKey, "Bill bob for this? " + UUID.randomUUID())
                .header("x-aigw-tenant", bob)
                .header("X-AIGW-KEY-ID", "bobs-key")
                .header("x-aigw-internal-token", "guess")
                .build());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);

        // then the request is alice's, and bob has used nothing
        await().atMost(Duration.ofSeconds(20))
                .until(() -> Admin.totals(alice).get("requests").asLong(), n -> n == 1);
        assertThat(Admin.totals(bob).get("requests").asLong()).isZero();
    }

    @Test
    void shouldShowATenantAdminOnlyItsOwnTenant() throws Exception {
        String own = Stack.ADMINISTERED_TENANT;
        if (Admin.send("GET", "/admin/tenants/" + own, null).statusCode() == 404) {
            Admin.call("POST", "/admin/tenants", "{\"id\":\"" + own + "\",\"display_name\":\"Own\",\"plan\":\"pro\"}");
        }
        String other = Admin.tenantOn("pro");
        chat(Admin.keyOf(own), "Counted for the tenant admin's report " + UUID.randomUUID());
        chat(Admin.keyOf(other), "Counted for another tenant " + UUID.randomUUID());

        JsonNode tenants = JSON.readTree(asTenantAdmin("GET", "/admin/tenants").body());
        assertThat(tenants).extracting(t -> t.get("id").asText()).containsExactly(own);
        assertThat(asTenantAdmin("GET", "/admin/tenants/" + own).statusCode()).isEqualTo(200);
        assertThat(asTenantAdmin("GET", "/admin/tenants/" + other).statusCode()).isEqualTo(403);
        assertThat(asTenantAdmin("GET", "/admin/tenants/" + other + "/keys").statusCode())
                .isEqualTo(403);
        assertThat(asTenantAdmin("GET", "/admin/reports/usage?tenant=" + other).statusCode())
                .isEqualTo(403);

        // the usage report, grouped by tenant, holds the own tenant only
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            JsonNode report = JSON.readTree(
                    asTenantAdmin("GET", "/admin/reports/usage?group_by=tenant").body());
            return report.get("rows").size() == 1
                    && report.get("rows").get(0).get("tenant").asText().equals(own)
                    && report.get("totals").get("requests").asLong() >= 1;
        });
    }

    @Test
    void shouldLimitEachTenantOnItsOwnWhenAnotherHasUsedUpItsRequestsPerMinute() throws Exception {
        String busy = Admin.keyOf(Admin.tenantOn("free"));
        String quiet = Admin.keyOf(Admin.tenantOn("free"));

        // the free plan allows 20 requests a minute: the 21st of one tenant is refused
        int refused = 0;
        for (int i = 0; i < 25; i++) {
            if (send(modelsRequest(busy)).statusCode() == 429) {
                refused++;
            }
        }
        assertThat(refused).as("requests of the busy tenant over its limit").isGreaterThanOrEqualTo(5);

        // the other tenant on the same plan is untouched
        HttpResponse<String> answer = send(modelsRequest(quiet));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("x-ratelimit-remaining-requests"))
                .hasValue("19");
    }

    @Test
    void shouldRefuseOnlyTheTenantWhoseBudgetIsSpent() throws Exception {
        // a plan whose whole monthly budget is less than one request's worst case
        String plan = "sec-tiny-" + UUID.randomUUID().toString().substring(0, 8);
        Admin.call(
                "POST",
                "/admin/plans",
                """
                {"name":"%s","requests_per_day":null,"tokens_per_day":null,"requests_per_minute":null,
                 "tokens_per_minute":null,"max_tier":3,"allowed_models":[],"monthly_budget_usd":"0.000001"}"""
                        .formatted(plan));
        String broke = Admin.keyOf(Admin.tenantOn(plan));
        String solvent = Admin.keyOf(Admin.tenantOn("pro"));

        HttpResponse<String> refused =
                send(chatRequest(broke, "Too expensive " + UUID.randomUUID()).build());
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(429);
        assertThat(JSON.readTree(refused.body()).at("/error/code").asText()).isEqualTo("insufficient_quota");

        HttpResponse<String> served =
                send(chatRequest(solvent, "Affordable " + UUID.randomUUID()).build());
        assertThat(served.statusCode()).as(served.body()).isEqualTo(200);
        assertThat(new BigDecimal(served.headers().firstValue("x-aigw-cost-usd").orElseThrow())
                        .setScale(6, RoundingMode.UP))
                .isPositive();
    }

    @ParameterizedTest
    @CsvSource({
        "GET,/admin/tenants",
        "POST,/admin/tenants",
        "GET,/admin/tenants/demo",
        "PUT,/admin/tenants/demo/plan",
        "POST,/admin/tenants/demo/keys",
        "GET,/admin/tenants/demo/keys",
        "POST,/admin/tenants/demo/keys/x/revoke",
        "GET,/admin/plans",
        "POST,/admin/plans",
        "GET,/admin/plans/pro",
        "PUT,/admin/plans/pro",
        "GET,/admin/reports/usage",
        "GET,/admin/openapi"
    })
    void shouldRefuseEveryAdminEndpointWithoutTheAdminCredential(String method, String path) throws Exception {
        for (String authorization :
                new String[] {null, "Bearer wrong", "Bearer " + Stack.get().demoKey()}) {
            HttpRequest.Builder request = HttpRequest.newBuilder(
                            URI.create(Stack.get().url(Service.GATEWAY) + path))
                    .header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(10))
                    .method(method, HttpRequest.BodyPublishers.ofString("{\"plan\":\"enterprise\"}"));
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            HttpResponse<String> response = send(request.build());
            assertThat(response.statusCode())
                    .as("%s %s with %s", method, path, authorization)
                    .isEqualTo(401);
            assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
            assertThat(JSON.readTree(response.body()).get("type").asText())
                    .isEqualTo("urn:aigw:billing:problem:unauthorized");
        }
    }

    /** Internal services are not public, but one that is reached must still want the internal token. */
    @ParameterizedTest
    @CsvSource({
        "ROUTING,GET,/v1/models", "ROUTING,GET,/%761/models", "ROUTING,GET,/v1;x=1/models",
        "ROUTING,POST,/%76%31/chat/completions", "CACHE,GET,/internal/cache/stats", "CACHE,GET,/%69nternal/cache/stats",
        "CACHE,GET,/internal;x=1/cache/stats", "BILLING,GET,/%61dmin/tenants", "BILLING,GET,/admin;x=1/tenants",
        "BILLING,POST,/%69nternal/keys/resolve"
    })
    void shouldRefuseAnInternalApiWithoutTheInternalTokenHoweverThePathIsSpelled(
            Service service, String method, String path) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                        URI.create(Stack.get().url(service) + path))
                .header("Content-Type", "application/json")
                .header("x-aigw-tenant", "demo")
                .timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.ofString("{\"key_sha256\":\"" + "0".repeat(64) + "\"}"))
                .build());

        assertThat(response.statusCode())
                .as("%s %s: %s", service, path, response.body())
                .isEqualTo(401);
    }

    @ParameterizedTest
    @CsvSource({
        "/actuator/env",
        "/actuator/gateway/routes",
        "/actuator/info",
        "/actuator/configprops",
        "/actuator/heapdump"
    })
    void shouldNotExposeActuatorEndpointsOtherThanHealthAndPrometheusPublicly(String path) throws Exception {
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(URI.create(Stack.get().url(Service.GATEWAY) + path))
                        .timeout(Duration.ofSeconds(10))
                        .build());
        assertThat(response.statusCode()).isEqualTo(404);
    }

    // ---- helpers

    private static HttpResponse<String> chat(String key, String question) throws Exception {
        HttpResponse<String> response = send(chatRequest(key, question).build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }

    private static HttpRequest.Builder chatRequest(String key, String question) {
        String body = """
                {"model":"gpt-4o-mini","messages":[{"role":"user","content":%s}]}"""
                .formatted(JSON.valueToTree(question).toString());
        return HttpRequest.newBuilder(URI.create(Clients.gatewayBaseUrl() + "/chat/completions"))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static HttpRequest modelsRequest(String key) {
        return HttpRequest.newBuilder(URI.create(Clients.gatewayBaseUrl() + "/models"))
                .header("Authorization", "Bearer " + key)
                .timeout(Duration.ofSeconds(10))
                .build();
    }

    private static HttpResponse<String> asTenantAdmin(String method, String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(Stack.get().url(Service.GATEWAY) + path))
                .header("Authorization", "Bearer " + Stack.TENANT_ADMIN_TOKEN)
                .timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build());
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
