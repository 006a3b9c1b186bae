package io.aigw.bench.overhead.adapter.out.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The set-up calls of the overhead benchmark: a tenant with a key in billing (so the gateway resolves
 * a real key, as in a deployment), the simulator's stream profile, and one chat request to prime and
 * check a path.
 */
public final class BenchClients {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /**
     * Creates the plan {@code bench} (limits far above what the benchmark sends, so they are counted
     * but never refuse, and a monthly budget so holds are placed), the tenant {@code bench} on it and
     * one key; returns the key.
     */
    public String createTenantKey(String billingUrl, String adminToken) {
        String plan = "{\"name\":\"bench\",\"requests_per_day\":1000000000,\"tokens_per_day\":1000000000000,"
                + "\"requests_per_minute\":100000000,\"tokens_per_minute\":100000000000,\"max_tier\":3,"
                + "\"allowed_models\":[],\"monthly_budget_usd\":\"1000000\"}";
        send(admin(billingUrl + "/admin/plans", adminToken, plan), 201);
        send(
                admin(
                        billingUrl + "/admin/tenants",
                        adminToken,
                        "{\"id\":\"bench\",\"display_name\":\"Bench\"," + "\"plan\":\"bench\"}"),
                201);
        String created = send(admin(billingUrl + "/admin/tenants/bench/keys", adminToken, "{\"name\":\"bench\"}"), 201)
                .body();
        return JSON.readTree(created).path("key").asString();
    }

    /** A simulator profile: no time to the first token, then {@code perTokenDelay} per token. */
    public void streamProfile(String simulatorUrl, String model, int outputTokens, Duration perTokenDelay) {
        String body = "{\"time_to_first_token\":\"0ms\",\"per_token_delay\":\"" + perTokenDelay.toMillis() + "ms\","
                + "\"jitter\":0,\"output_tokens\":" + outputTokens + ",\"failure_rate\":0,\"replay\":\"none\","
                + "\"rpm\":0,\"tpm\":0}";
        send(
                HttpRequest.newBuilder(URI.create(simulatorUrl + "/sim/models/" + model))
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                200);
    }

    /** One non-streamed chat completion; the response (any status). */
    public HttpResponse<String> chat(String baseUrl, String model, String prompt, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/v1/chat/completions"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json");
        headers.forEach(request::header);
        String body = "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"" + prompt
                + "\"}],\"max_tokens\":16}";
        return exchange(request.POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static HttpRequest admin(String url, String token, String body) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private HttpResponse<String> send(HttpRequest request, int expected) {
        HttpResponse<String> response = exchange(request);
        if (response.statusCode() != expected) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
