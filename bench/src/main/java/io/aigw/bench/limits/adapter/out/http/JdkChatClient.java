package io.aigw.bench.limits.adapter.out.http;

import io.aigw.bench.limits.application.ChatClient;
import io.aigw.bench.limits.domain.Arrival;
import io.aigw.bench.limits.domain.Outcome;
import io.aigw.bench.limits.domain.PromptText;
import io.aigw.bench.limits.domain.RequestResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** {@link ChatClient} over the JDK's HttpClient: non-streamed chat completions, the gateway key as bearer. */
public final class JdkChatClient implements ChatClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final List<URI> gateways;
    private final String key;
    private final Duration timeout;

    /**
     * @param gatewayUrls e.g. {@code http://127.0.0.1:8080}, indexed by {@link Arrival#gateway()}
     * @param timeout per request
     */
    public JdkChatClient(List<String> gatewayUrls, String key, Duration timeout) {
        // HTTP/1.1: the services speak plain HTTP/1.1; an h2c upgrade attempt would only add a round trip
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        this.gateways = gatewayUrls.stream()
                .map(url -> URI.create(url + "/v1/chat/completions"))
                .toList();
        this.key = key;
        this.timeout = timeout;
    }

    @Override
    public CompletableFuture<RequestResult> send(Arrival arrival, String model) {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", model);
        body.put("max_tokens", arrival.maxTokens());
        body.putArray("messages")
                .addObject()
                .put("role", "user")
                .put("content", PromptText.of(arrival.promptTokens(), arrival.index()));
        HttpRequest request = HttpRequest.newBuilder(gateways.get(arrival.gateway()))
                .timeout(timeout)
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        long start = System.nanoTime();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, error) -> {
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            if (error != null) {
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                return RequestResult.failed(arrival, took, cause.getClass().getSimpleName());
            }
            return result(arrival, response, took);
        });
    }

    static RequestResult result(Arrival arrival, HttpResponse<String> response, Duration took) {
        int status = response.statusCode();
        String answeredBy = response.headers().firstValue("x-aigw-model").orElse("");
        OptionalLong retryAfter = response.headers()
                .firstValue("retry-after")
                .map(v -> {
                    try {
                        return OptionalLong.of(Long.parseLong(v.strip()));
                    } catch (NumberFormatException e) {
                        return OptionalLong.of(-1); // present but not whole seconds
                    }
                })
                .orElse(OptionalLong.empty());
        JsonNode json;
        try {
            json = JSON.readTree(response.body());
        } catch (RuntimeException e) {
            json = JSON.createObjectNode();
        }
        if (status == 200) {
            JsonNode usage = json.path("usage");
            return new RequestResult(
                    arrival,
                    Outcome.ANSWERED,
                    status,
                    answeredBy,
                    retryAfter,
                    usage.path("prompt_tokens").asInt(0),
                    usage.path("completion_tokens").asInt(0),
                    took,
                    "");
        }
        String code = json.path("error").path("code").asString("");
        Outcome outcome = status == 503 && code.equals("no_capacity") ? Outcome.REFUSED : Outcome.FAILED;
        return new RequestResult(arrival, outcome, status, answeredBy, retryAfter, 0, 0, took, code);
    }
}
