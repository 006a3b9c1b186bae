package io.aigw.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aigw.launcher.Service;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/** billing's admin API, reached through the gateway's {@code /admin/**} with {@link Stack#ADMIN_TOKEN}. */
final class Admin {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Admin() {}

    /** Calls the admin API and expects a 2xx answer; the body as JSON. */
    static JsonNode call(String method, String path, String body) throws Exception {
        HttpResponse<String> response = send(method, path, body);
        assertThat(response.statusCode())
                .as("%s %s: %s", method, path, response.body())
                .isBetween(200, 299);
        return JSON.readTree(response.body());
    }

    static HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(Stack.get().url(Service.GATEWAY) + path))
                .header("Authorization", "Bearer " + Stack.ADMIN_TOKEN)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10));
        request = body == null
                ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.method(method, HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A fresh tenant on the plan; its id. */
    static String tenantOn(String plan) throws Exception {
        String tenant = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        call(
                "POST",
                "/admin/tenants",
                "{\"id\":\"" + tenant + "\",\"display_name\":\"E2E\",\"plan\":\"" + plan + "\"}");
        return tenant;
    }

    /** A new key of the tenant; the secret. */
    static String keyOf(String tenant) throws Exception {
        return call("POST", "/admin/tenants/" + tenant + "/keys", "{\"name\":\"e2e\"}")
                .get("key")
                .asText();
    }

    /** The tenant's usage report totals for this month (billing must be up). */
    static JsonNode totals(String tenant) throws Exception {
        return call("GET", "/admin/reports/usage?tenant=" + tenant, null).get("totals");
    }
}
