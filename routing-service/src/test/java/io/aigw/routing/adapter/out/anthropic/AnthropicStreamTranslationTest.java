package io.aigw.routing.adapter.out.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AnthropicStreamTranslationTest {

    private static final String START =
            """
            {"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","content":[],
             "model":"claude-x","stop_reason":null,"usage":{"input_tokens":25,"output_tokens":1}}}""";

    private final JsonMapper json = JsonMapper.builder().build();

    private List<JsonNode> translate(boolean includeUsage, String... events) {
        AnthropicStreamTranslation translation = new AnthropicStreamTranslation(json, includeUsage, 7L);
        List<JsonNode> chunks = new ArrayList<>();
        for (String event : events) {
            for (String chunk : translation.onEvent(event)) {
                chunks.add(chunk.equals("[DONE]") ? json.getNodeFactory().stringNode(chunk) : json.readTree(chunk));
            }
        }
        return chunks;
    }

    private JsonNode tree(String text) {
        return json.readTree(text);
    }

    @Test
    void shouldEmitRoleTextFinishUsageAndDoneWhenAnthropicStreamsText() {
        // when
        List<JsonNode> chunks = translate(
                true,
                START,
                """
                {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}""",
                """
                {"type":"ping"}""",
                """
                {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hel"}}""",
                """
                {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"lo"}}""",
                """
                {"type":"content_block_stop","index":0}""",
                """
                {"type":"message_delta","delta":{"stop_reason":"max_tokens","stop_sequence":null},"usage":{"output_tokens":2}}""",
                """
                {"type":"message_stop"}""");

        // then
        String head = "\"id\":\"msg_1\",\"object\":\"chat.completion.chunk\",\"created\":7,\"model\":\"claude-x\"";
        assertThat(chunks)
                .containsExactly(
                        tree("{" + head
                                + ",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},"
                                + "\"finish_reason\":null}]}"),
                        tree(
                                "{" + head
                                        + ",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hel\"},\"finish_reason\":null}]}"),
                        tree(
                                "{" + head
                                        + ",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"lo\"},\"finish_reason\":null}]}"),
                        tree("{" + head + ",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"length\"}]}"),
                        tree("{" + head + ",\"choices\":[],"
                                + "\"usage\":{\"prompt_tokens\":25,\"completion_tokens\":2,\"total_tokens\":27}}"),
                        json.getNodeFactory().stringNode("[DONE]"));
    }

    @Test
    void shouldEmitToolCallDeltasIndexedPerToolWhenAnthropicStreamsToolUseAfterText() {
        List<JsonNode> chunks = translate(
                false,
                START,
                """
                {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}""",
                """
                {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Checking."}}""",
                """
                {"type":"content_block_stop","index":0}""",
                """
                {"type":"content_block_start","index":1,"content_block":{"type":"tool_use","id":"toolu_1","name":"weather","input":{}}}""",
                """
                {"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":""}}""",
                """
                {"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"{\\"city\\":"}}""",
                """
                {"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"\\"Paris\\"}"}}""",
                """
                {"type":"content_block_stop","index":1}""",
                """
                {"type":"message_delta","delta":{"stop_reason":"tool_use"},"usage":{"output_tokens":30}}""",
                """
                {"type":"message_stop"}""");

        assertThat(chunks)
                .extracting(c -> c.path("choices").path(0).path("delta"))
                .containsExactly(
                        tree("{\"role\":\"assistant\",\"content\":\"\"}"),
                        tree("{\"content\":\"Checking.\"}"),
                        tree("{\"tool_calls\":[{\"index\":0,\"id\":\"toolu_1\",\"type\":\"function\","
                                + "\"function\":{\"name\":\"weather\",\"arguments\":\"\"}}]}"),
                        tree("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"city\\\":\"}}]}"),
                        tree("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"\\\"Paris\\\"}\"}}]}"),
                        tree("{}"),
                        json.missingNode());
        assertThat(chunks.get(5).path("choices").path(0).path("finish_reason").asString())
                .isEqualTo("tool_calls");
        assertThat(chunks.get(6).asString()).isEqualTo("[DONE]");
    }

    @Test
    void shouldPreferTheCumulativeCountsOfMessageDeltaWhenItReportsInputTokensToo() {
        List<JsonNode> chunks = translate(
                true,
                START,
                """
                {"type":"message_delta","delta":{"stop_reason":"end_turn"},
                 "usage":{"input_tokens":30,"cache_read_input_tokens":null,"output_tokens":4}}""",
                """
                {"type":"message_stop"}""");

        assertThat(chunks.get(2).get("usage"))
                .isEqualTo(tree("{\"prompt_tokens\":30,\"completion_tokens\":4,\"total_tokens\":34}"));
    }

    @ParameterizedTest
    @CsvSource({
        "overloaded_error,529",
        "api_error,500",
        "rate_limit_error,429",
        "invalid_request_error,400",
        "authentication_error,401",
        "permission_error,403",
        "not_found_error,404",
        "request_too_large,413",
        "some_new_error,500"
    })
    void shouldRaiseTheErrorWithItsStatusWhenAnthropicSendsAnErrorEvent(String type, int status) {
        String error = "{\"type\":\"error\",\"error\":{\"type\":\"" + type + "\",\"message\":\"Overloaded\"}}";

        assertThatThrownBy(() -> translate(false, START, error))
                .isInstanceOfSatisfying(AnthropicStreamTranslation.StreamError.class, e -> {
                    assertThat(e.status()).isEqualTo(status);
                    assertThat(e.body()).isEqualTo(error);
                });
    }
}
