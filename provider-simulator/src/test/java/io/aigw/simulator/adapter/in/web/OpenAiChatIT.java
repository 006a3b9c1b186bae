package io.aigw.simulator.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.aigw.simulator.domain.ChatMessage;
import io.aigw.simulator.domain.TokenCounter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

class OpenAiChatIT extends SimulatorHttpTestBase {

    private final TokenCounter tokens = new TokenCounter();

    @Test
    void shouldAnswerJsonWithUsageCountedByTheTokenizer() {
        profile("it-json", Map.of("output_tokens", 20));

        String body = post("/v1/chat/completions", chatBody("it-json", "Tell me a story.", Map.of()))
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        JsonNode json = parse(body);
        String content = json.at("/choices/0/message/content").asString();
        int expectedPrompt = tokens.countPrompt(
                List.of(new ChatMessage("system", "You are terse."), new ChatMessage("user", "Tell me a story.")));
        assertThat(json.path("object").asString()).isEqualTo("chat.completion");
        assertThat(json.path("model").asString()).isEqualTo("it-json");
        assertThat(json.at("/choices/0/finish_reason").asString()).isEqualTo("stop");
        assertThat(json.at("/usage/prompt_tokens").asInt()).isEqualTo(expectedPrompt);
        assertThat(json.at("/usage/completion_tokens").asInt()).isEqualTo(20).isEqualTo(tokens.count(content));
        assertThat(json.at("/usage/total_tokens").asInt()).isEqualTo(expectedPrompt + 20);
    }

    @Test
    void shouldCutAtMaxTokensWithFinishReasonLength() {
        String body = post(
                        "/v1/chat/completions",
                        chatBody("it-max", "Tell me a story.", Map.of("max_completion_tokens", 5)))
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        JsonNode json = parse(body);
        assertThat(json.at("/choices/0/finish_reason").asString()).isEqualTo("length");
        assertThat(json.at("/usage/completion_tokens").asInt()).isEqualTo(5);
    }

    @Test
    void shouldStreamChunksThenUsageThenDone() {
        profile("it-stream", Map.of("output_tokens", 12, "per_token_delay", "1ms"));

        String body = post(
                        "/v1/chat/completions",
                        chatBody(
                                "it-stream",
                                "Stream please.",
                                Map.of("stream", true, "stream_options", Map.of("include_usage", true))))
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        List<String> events = List.of(body.split("\n\n"));
        assertThat(events).allMatch(event -> event.startsWith("data: "));
        assertThat(events.get(events.size() - 1)).isEqualTo("data: [DONE]");
        List<JsonNode> chunks = events.subList(0, events.size() - 1).stream()
                .map(event -> parse(event.substring("data: ".length())))
                .toList();
        assertThat(chunks).hasSizeGreaterThan(12);
        assertThat(chunks.get(0).at("/choices/0/delta/role").asString()).isEqualTo("assistant");
        StringBuilder content = new StringBuilder();
        List<String> finishReasons = new ArrayList<>();
        for (JsonNode chunk : chunks.subList(0, chunks.size() - 1)) {
            content.append(chunk.at("/choices/0/delta/content").asString(""));
            if (!chunk.at("/choices/0/finish_reason").isNull()) {
                finishReasons.add(chunk.at("/choices/0/finish_reason").asString());
            }
        }
        JsonNode usageChunk = chunks.get(chunks.size() - 1);
        assertThat(finishReasons).containsExactly("stop");
        assertThat(usageChunk.path("choices").isEmpty()).isTrue();
        assertThat(usageChunk.at("/usage/completion_tokens").asInt())
                .isEqualTo(12)
                .isEqualTo(tokens.count(content.toString()));
    }

    @Test
    void shouldAnswerMalformedJsonWithAnOpenAiError() {
        client.post()
                .uri("/v1/chat/completions")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"model\": \"x\", \"messages\": [")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.error.type")
                .isEqualTo("invalid_request_error")
                .jsonPath("$.error.param")
                .isEmpty()
                .jsonPath("$.error.code")
                .isEmpty()
                .jsonPath("$.error.message")
                .value(message -> assertThat((String) message).startsWith("We could not parse the JSON body"));
    }

    @Test
    void shouldNameTheBadParameter() {
        post("/v1/chat/completions", Map.of("model", "x", "messages", "hello"))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .json(
                        """
                        {"error":{"message":"Invalid 'messages': expected a non-empty array.",
                        "type":"invalid_request_error","param":"messages","code":null}}""",
                        true);
    }

    @Test
    void shouldListConfiguredModels() {
        String body = client.get()
                .uri("/v1/models")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        JsonNode json = parse(body);
        List<String> ids = new ArrayList<>();
        json.path("data").forEach(model -> ids.add(model.path("id").asString()));
        assertThat(json.path("object").asString()).isEqualTo("list");
        assertThat(ids).contains("sim-weak", "sim-strong").doesNotContain("default");
        assertThat(json.at("/data/0/owned_by").asString()).isEqualTo("provider-simulator");
    }
}
