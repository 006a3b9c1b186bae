package io.aigw.bench.cache.adapter.out.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.json.JsonMapper;

/**
 * cache-service's internal API over the JDK client (HTTP/1.1, one kept-alive connection at a time),
 * with the internal token and the tenant header routing sends.
 */
public final class JdkCacheClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT)
            .build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final String baseUrl;
    private final String internalToken;

    public JdkCacheClient(String baseUrl, String internalToken) {
        this.baseUrl = baseUrl;
        this.internalToken = internalToken;
    }

    /** {@code POST /internal/cache/store}; the body as the service's {@code stored} says. */
    public boolean store(String tenant, String body) {
        String answer = send(tenant, "POST", "/internal/cache/store", body);
        return json.readTree(answer).path("stored").asBoolean();
    }

    /** {@code POST /internal/cache/lookup}; the {@code result} label. */
    public String lookup(String tenant, String body) {
        String answer = send(tenant, "POST", "/internal/cache/lookup", body);
        return json.readTree(answer).path("result").asString();
    }

    /** {@code DELETE /internal/cache/entries}: every entry of the tenant, both layers. */
    public String invalidate(String tenant) {
        return send(tenant, "DELETE", "/internal/cache/entries", null);
    }

    private String send(String tenant, String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(TIMEOUT)
                .header("x-aigw-internal-token", internalToken)
                .header("x-aigw-tenant", tenant);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("content-type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
