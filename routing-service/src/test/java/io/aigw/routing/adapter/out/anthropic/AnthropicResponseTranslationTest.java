package io.aigw.routing.adapter.out.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AnthropicResponseTranslationTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final AnthropicResponseTranslation translation = new AnthropicResponseTranslation(json);

    private JsonNode tree(String text) {
        return json.readTree(text);
    }

    /** The node as a client would read it: numbers compare by value, not by Java type. */
    private JsonNode reread(JsonNode node) {
        return json.readTree(node.toString());
    }

    @Test
    void shouldReturnAnOpenAiCompletionWhenAnthropicAnswersWithText() {
        // given
        JsonNode message = tree(
                """
                {"id":"msg_1","type":"message","role":"assistant","model":"claude-x",
                 "content":[{"type":"text","text":"Hello"},{"type":"text","text":" there"}],
                 "stop_reason":"end_turn","stop_sequence":null,
                 "usage":{"input_tokens":12,"output_tokens":3}}""");

        // when
        JsonNode completion = translation.toCompletion(message, 1_700_000_000L);

        // then
        assertThat(reread(completion))
                .isEqualTo(
                        tree(
                                """
                {"id":"msg_1","object":"chat.completion","created":1700000000,"model":"claude-x",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"Hello there"},
                   "logprobs":null,"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":12,"completion_tokens":3,"total_tokens":15}}"""));
    }

    @Test
    void shouldReturnToolCallsWithJsonStringArgumentsWhenAnthropicAnswersWithToolUse() {
        JsonNode message = tree(
                """
                {"id":"msg_2","model":"claude-x","stop_reason":"tool_use",
                 "content":[
                   {"type":"thinking","thinking":"...","signature":"s"},
                   {"type":"tool_use","id":"toolu_1","name":"weather","input":{"city":"Paris"}},
                   {"type":"tool_use","id":"toolu_2","name":"now","input":{}}
                 ],
                 "usage":{"input_tokens":20,"output_tokens":9}}""");

        JsonNode completion = translation.toCompletion(message, 5L);

        assertThat(reread(completion.path("choices").path(0)))
                .isEqualTo(
                        tree(
                                """
                {"index":0,"message":{"role":"assistant","content":null,"tool_calls":[
                   {"id":"toolu_1","type":"function","function":{"name":"weather","arguments":"{\\"city\\":\\"Paris\\"}"}},
                   {"id":"toolu_2","type":"function","function":{"name":"now","arguments":"{}"}}
                 ]},
                 "logprobs":null,"finish_reason":"tool_calls"}"""));
    }

    @Test
    void shouldCountCacheReadsAndWritesAsPromptTokensWhenAnthropicReportsPromptCaching() {
        JsonNode usage = tree(
                """
                {"input_tokens":10,"cache_creation_input_tokens":100,"cache_read_input_tokens":1000,"output_tokens":5}""");

        assertThat(reread(translation.usage(usage)))
                .isEqualTo(
                        tree(
                                """
                {"prompt_tokens":1110,"completion_tokens":5,"total_tokens":1115,
                 "prompt_tokens_details":{"cached_tokens":1000}}"""));
    }

    @ParameterizedTest
    @CsvSource({
        "end_turn,stop",
        "stop_sequence,stop",
        "max_tokens,length",
        "tool_use,tool_calls",
        "refusal,content_filter",
        "pause_turn,stop"
    })
    void shouldMapTheFinishReasonWhenAnthropicStopsForAReason(String stopReason, String finishReason) {
        assertThat(AnthropicResponseTranslation.finishReason(stopReason)).isEqualTo(finishReason);
    }
}
