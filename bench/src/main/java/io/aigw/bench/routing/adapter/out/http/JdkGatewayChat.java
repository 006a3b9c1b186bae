package io.aigw.bench.routing.adapter.out.http;

import io.aigw.bench.routing.application.GatewayChat;
import io.aigw.bench.routing.domain.Reply;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** {@link GatewayChat} over the JDK's HttpClient, with the gateway key as a bearer token. */
public final class JdkGatewayChat implements GatewayChat {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final URI completions;
    private final String key;
    private final Duration timeout;

    /**
     * @param gatewayUrl e.g. {@code http://127.0.0.1:8080}
     * @param timeout per request
     */
    public JdkGatewayChat(String gatewayUrl, String key, Duration timeout) {
        // HTTP/1.1: the services speak plain HTTP/1.1; an h2c upgrade attempt would only add a round trip
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        this.completions = URI.create(gatewayUrl + "/v1/chat/completions");
        this.key = key;
        this.timeout = timeout;
    }

    @Override
    public Reply complete(String model, String userMessage, int maxTokens) {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", model);
        body.put("max_tokens", maxTokens);
        body.putArray("messages").addObject().put("role", "user").put("content", userMessage);
        HttpRequest request = HttpRequest.newBuilder(completions)
                .timeout(timeout)
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return Reply.failed(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Reply.failed("interrupted");
        }
        String answeredBy = response.headers().firstValue("x-aigw-model").orElse("");
        String escalations = response.headers().firstValue("x-aigw-escalations").orElse("");
        BigDecimal cost = response.headers()
                .firstValue("x-aigw-cost-usd")
                .map(BigDecimal::new)
                .orElse(BigDecimal.ZERO);
        if (response.statusCode() != 200) {
            return new Reply(response.statusCode(), answeredBy, cost, "", 0, escalations, response.body());
        }
        JsonNode answer = JSON.readTree(response.body());
        JsonNode choice = answer.path("choices").path(0);
        return new Reply(
                200,
                answeredBy,
                cost,
                choice.path("finish_reason").asString(""),
                answer.path("usage").path("completion_tokens").asInt(0),
                escalations,
                choice.path("message").path("content").asString(""));
    }
}
