package io.aigw.bench.routing.adapter.out.http;

import io.aigw.bench.routing.application.GatewayChat;
import io.aigw.bench.routing.application.LearningGateway;
import io.aigw.bench.routing.domain.Reply;
import io.aigw.bench.routing.domain.TracedReply;
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

/** {@link GatewayChat} and {@link LearningGateway} over the JDK's HttpClient, with the gateway key as a bearer token. */
public final class JdkGatewayChat implements GatewayChat, LearningGateway {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final URI completions;
    private final URI feedback;
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
        this.feedback = URI.create(gatewayUrl + "/v1/feedback");
        this.key = key;
        this.timeout = timeout;
    }

    @Override
    public Reply complete(String model, String userMessage, int maxTokens) {
        return traced(model, userMessage, maxTokens).reply();
    }

    @Override
    public TracedReply traced(String model, String userMessage, int maxTokens) {
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
            return new TracedReply(Reply.failed(e.toString()), "", "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new TracedReply(Reply.failed("interrupted"), "", "");
        }
        String requestId = response.headers().firstValue("x-aigw-request-id").orElse("");
        String tierScores = response.headers().firstValue("x-aigw-tier-scores").orElse("");
        String tierThreshold =
                response.headers().firstValue("x-aigw-tier-threshold").orElse("");
        String answeredBy = response.headers().firstValue("x-aigw-model").orElse("");
        String escalations = response.headers().firstValue("x-aigw-escalations").orElse("");
        BigDecimal cost = response.headers()
                .firstValue("x-aigw-cost-usd")
                .map(BigDecimal::new)
                .orElse(BigDecimal.ZERO);
        if (response.statusCode() != 200) {
            return new TracedReply(
                    new Reply(response.statusCode(), answeredBy, cost, "", 0, escalations, response.body()),
                    requestId,
                    tierScores,
                    tierThreshold);
        }
        JsonNode answer = JSON.readTree(response.body());
        JsonNode choice = answer.path("choices").path(0);
        Reply reply = new Reply(
                200,
                answeredBy,
                cost,
                choice.path("finish_reason").asString(""),
                answer.path("usage").path("completion_tokens").asInt(0),
                escalations,
                choice.path("message").path("content").asString(""));
        return new TracedReply(reply, requestId, tierScores, tierThreshold);
    }

    @Override
    public int feedback(String requestId, double score) {
        ObjectNode body = JSON.createObjectNode();
        body.put("request_id", requestId);
        body.put("score", score);
        HttpRequest request = HttpRequest.newBuilder(feedback)
                .timeout(timeout)
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
