package io.aigw.simulator.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.aigw.simulator.domain.TokenCounter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AnthropicMessagesIT extends SimulatorHttpTestBase {

    private final TokenCounter tokens = new TokenCounter();

    @Test
    void shouldAnswerWithContentBlocksStopReasonAndUsage() {
        profile("it-claude", Map.of("output_tokens", 15));

        String body = post("/v1/messages", messagesBody("it-claude", "Hello, Claude", Map.of()))
                .expectStatus()
                .isOk()
                .expectHeader()
                .exists("request-id")
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        JsonNode json = parse(body);
        assertThat(json.path("type").asString()).isEqualTo("message");
        assertThat(json.path("role").asString()).isEqualTo("assistant");
        assertThat(json.at("/content/0/type").asString()).isEqualTo("text");
        assertThat(json.path("stop_reason").asString()).isEqualTo("end_turn");
        assertThat(json.at("/usage/output_tokens").asInt())
                .isEqualTo(15)
                .isEqualTo(tokens.count(json.at("/content/0/text").asString()));
        assertThat(json.at("/usage/input_tokens").asInt()).isGreaterThan(tokens.count("Hello, Claude"));
    }

    @Test
    void shouldStreamAnthropicsEventSequence() {
        profile("it-claude-stream", Map.of("output_tokens", 8));

        String body = post(
                        "/v1/messages",
                        messagesBody("it-claude-stream", "Stream, Claude", Map.of("stream", true, "max_tokens", 6)))
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        List<String> names = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        JsonNode messageDelta = null;
        for (String event : body.split("\n\n")) {
            String[] lines = event.split("\n", 2);
            assertThat(lines[0]).startsWith("event: ");
            assertThat(lines[1]).startsWith("data: ");
            String name = lines[0].substring("event: ".length());
            JsonNode data = parse(lines[1].substring("data: ".length()));
            assertThat(data.path("type").asString()).isEqualTo(name);
            names.add(name);
            if (name.equals("content_block_delta")) {
                assertThat(data.at("/delta/type").asString()).isEqualTo("text_delta");
                text.append(data.at("/delta/text").asString());
            }
            if (name.equals("message_delta")) {
                messageDelta = data;
            }
        }

        assertThat(names.subList(0, 3)).containsExactly("message_start", "content_block_start", "ping");
        assertThat(names.subList(3, names.size() - 3)).hasSize(6).containsOnly("content_block_delta");
        assertThat(names.subList(names.size() - 3, names.size()))
                .containsExactly("content_block_stop", "message_delta", "message_stop");
        assertThat(messageDelta.at("/delta/stop_reason").asString()).isEqualTo("max_tokens");
        assertThat(messageDelta.at("/usage/output_tokens").asInt())
                .isEqualTo(6)
                .isEqualTo(tokens.count(text.toString()));
    }

    @Test
    void shouldAnswerBadRequestsInAnthropicsDialect() {
        post("/v1/messages", Map.of("model", "x", "messages", List.of(Map.of("role", "user", "content", "hi"))))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .json(
                        """
                        {"type":"error","error":{"type":"invalid_request_error","message":"max_tokens: Field required"}}""",
                        true);
        client.post()
                .uri("/v1/messages")
                .header("content-type", "application/json")
                .bodyValue("not json")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("error")
                .jsonPath("$.error.type")
                .isEqualTo("invalid_request_error");
    }
}
