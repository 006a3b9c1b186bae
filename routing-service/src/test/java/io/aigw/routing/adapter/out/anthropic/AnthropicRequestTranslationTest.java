package io.aigw.routing.adapter.out.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aigw.routing.domain.RoutingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class AnthropicRequestTranslationTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final AnthropicRequestTranslation translation = new AnthropicRequestTranslation(json);

    private ObjectNode translate(String openAi, boolean stream) {
        return translation.toAnthropic((ObjectNode) json.readTree(openAi), "claude-x", stream);
    }

    private JsonNode tree(String text) {
        return json.readTree(text);
    }

    @Test
    void shouldUseTheDefaultMaxTokensAndTheUpstreamModelWhenTheClientSendsOnlyMessages() {
        // given a minimal OpenAI body
        String body = """
                {"model":"claude-sonnet","messages":[{"role":"user","content":"hi"}]}""";

        // when
        ObjectNode anthropic = translate(body, false);

        // then
        assertThat(anthropic)
                .isEqualTo(
                        tree(
                                """
                {"model":"claude-x","max_tokens":4096,"messages":[{"role":"user","content":"hi"}]}"""));
    }

    @Test
    void shouldAskForJsonInTheSystemPromptWhenTheClientWantsJsonMode() {
        ObjectNode anthropic = translate(
                """
                {"messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"hi"}],
                 "response_format":{"type":"json_object"}}""",
                false);

        assertThat(anthropic.get("system").stringValue())
                .isEqualTo(
                        "Be brief.\n\nAnswer with one valid JSON object and nothing else: no prose, no code fences.");
        assertThat(anthropic.has("response_format")).isFalse();
    }

    @Test
    void shouldStateTheSchemaWhenTheClientSendsAJsonSchema() {
        ObjectNode anthropic = translate(
                """
                {"messages":[{"role":"user","content":"hi"}],
                 "response_format":{"type":"json_schema","json_schema":{"name":"x",
                   "schema":{"type":"object","required":["a"]}}}}""",
                false);

        assertThat(anthropic.get("system").stringValue())
                .isEqualTo("Answer with one valid JSON object and nothing else: no prose, no code fences."
                        + " It must match this JSON Schema: {\"type\":\"object\",\"required\":[\"a\"]}");
    }

    @Test
    void shouldCollectSystemAndDeveloperMessagesIntoTheSystemPromptWhenTheyAppearAnywhere() {
        String body =
                """
                {"messages":[
                  {"role":"system","content":"Be brief."},
                  {"role":"user","content":"hi"},
                  {"role":"developer","content":[{"type":"text","text":"Use "},{"type":"text","text":"French."}]}
                ]}""";

        ObjectNode anthropic = translate(body, false);

        assertThat(anthropic.get("system")).isEqualTo(tree("\"Be brief.\\n\\nUse French.\""));
        assertThat(anthropic.get("messages")).isEqualTo(tree("""
                [{"role":"user","content":"hi"}]"""));
    }

    @Test
    void shouldTranslateTextAndImagePartsWhenTheUserSendsMultiPartContent() {
        String body =
                """
                {"messages":[{"role":"user","content":[
                  {"type":"text","text":"What is this?"},
                  {"type":"image_url","image_url":{"url":"data:image/png;base64,iVBORw0KGgo=","detail":"low"}},
                  {"type":"image_url","image_url":{"url":"https://example.com/cat.jpg"}}
                ]}]}""";

        ObjectNode anthropic = translate(body, false);

        assertThat(anthropic.get("messages"))
                .isEqualTo(
                        tree(
                                """
                [{"role":"user","content":[
                  {"type":"text","text":"What is this?"},
                  {"type":"image","source":{"type":"base64","media_type":"image/png","data":"iVBORw0KGgo="}},
                  {"type":"image","source":{"type":"url","url":"https://example.com/cat.jpg"}}
                ]}]"""));
    }

    @Test
    void shouldTranslateToolCallsAndMergeConsecutiveToolResultsWhenTheConversationUsedTools() {
        String body =
                """
                {"messages":[
                  {"role":"user","content":"Weather in Paris and Rome?"},
                  {"role":"assistant","content":null,"tool_calls":[
                    {"id":"call_1","type":"function","function":{"name":"weather","arguments":"{\\"city\\":\\"Paris\\"}"}},
                    {"id":"call_2","type":"function","function":{"name":"weather","arguments":"{\\"city\\":\\"Rome\\"}"}}
                  ]},
                  {"role":"tool","tool_call_id":"call_1","content":"18C"},
                  {"role":"tool","tool_call_id":"call_2","content":[{"type":"text","text":"21C"}]},
                  {"role":"assistant","content":"Paris 18C, Rome 21C."},
                  {"role":"user","content":"Thanks"}
                ]}""";

        ObjectNode anthropic = translate(body, false);

        assertThat(anthropic.get("messages"))
                .isEqualTo(
                        tree(
                                """
                [
                  {"role":"user","content":"Weather in Paris and Rome?"},
                  {"role":"assistant","content":[
                    {"type":"tool_use","id":"call_1","name":"weather","input":{"city":"Paris"}},
                    {"type":"tool_use","id":"call_2","name":"weather","input":{"city":"Rome"}}
                  ]},
                  {"role":"user","content":[
                    {"type":"tool_result","tool_use_id":"call_1","content":"18C"},
                    {"type":"tool_result","tool_use_id":"call_2","content":"21C"}
                  ]},
                  {"role":"assistant","content":[{"type":"text","text":"Paris 18C, Rome 21C."}]},
                  {"role":"user","content":"Thanks"}
                ]"""));
    }

    @Test
    void shouldTranslateToolsSamplingAndStopWhenTheClientSendsThem() {
        String body =
                """
                {"messages":[{"role":"user","content":"hi"}],
                 "max_tokens":100,"max_completion_tokens":50,"temperature":0.5,"top_p":0.9,
                 "stop":["END","STOP"],"user":"u-1","stream":true,"stream_options":{"include_usage":true},
                 "tools":[
                   {"type":"function","function":{"name":"weather","description":"Weather of a city",
                     "parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}},
                   {"type":"function","function":{"name":"now"}}
                 ],
                 "tool_choice":{"type":"function","function":{"name":"weather"}}}""";

        ObjectNode anthropic = translate(body, true);

        assertThat(anthropic)
                .isEqualTo(
                        tree(
                                """
                {"model":"claude-x","max_tokens":50,"messages":[{"role":"user","content":"hi"}],
                 "temperature":0.5,"top_p":0.9,"stop_sequences":["END","STOP"],
                 "tools":[
                   {"name":"weather","description":"Weather of a city",
                    "input_schema":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}},
                   {"name":"now","input_schema":{"type":"object","properties":{}}}
                 ],
                 "tool_choice":{"type":"tool","name":"weather"},
                 "metadata":{"user_id":"u-1"},
                 "stream":true}"""));
    }

    @ParameterizedTest
    @CsvSource({"auto,auto", "none,none", "required,any"})
    void shouldMapTheToolChoiceWhenTheClientNamesAMode(String openAi, String anthropic) {
        String body =
                """
                {"messages":[{"role":"user","content":"hi"}],
                 "tools":[{"type":"function","function":{"name":"now"}}],"tool_choice":"%s"}"""
                        .formatted(openAi);

        assertThat(translate(body, false).get("tool_choice")).isEqualTo(tree("{\"type\":\"" + anthropic + "\"}"));
    }

    @Test
    void shouldDisableParallelToolUseWhenTheClientTurnsParallelToolCallsOff() {
        String body =
                """
                {"messages":[{"role":"user","content":"hi"}],
                 "tools":[{"type":"function","function":{"name":"now"}}],"parallel_tool_calls":false}""";

        assertThat(translate(body, false).get("tool_choice"))
                .isEqualTo(tree("{\"type\":\"auto\",\"disable_parallel_tool_use\":true}"));
    }

    @Test
    void shouldSendAStopStringAsOneStopSequenceAndCapTheTemperatureWhenOpenAiAllowsMoreThanAnthropic() {
        String body =
                """
                {"messages":[{"role":"user","content":"hi"}],"stop":"END","temperature":1.7}""";

        ObjectNode anthropic = translate(body, false);

        assertThat(anthropic.get("stop_sequences")).isEqualTo(tree("[\"END\"]"));
        assertThat(anthropic.get("temperature")).isEqualTo(tree("1.0"));
    }

    @Test
    void shouldRejectTheRequestWhenAToolRoleHasInvalidArguments() {
        String body =
                """
                {"messages":[{"role":"assistant","tool_calls":[
                  {"id":"c","type":"function","function":{"name":"f","arguments":"not json"}}]}]}""";

        assertThatThrownBy(() -> translate(body, false))
                .isInstanceOfSatisfying(RoutingException.InvalidRequest.class, e -> assertThat(e.param())
                        .isEqualTo("messages[0].tool_calls"))
                .hasMessage("messages[0]: tool_calls arguments must be a JSON object");
    }

    @Test
    void shouldRejectTheRequestWhenAnImageIsNeitherAWebNorABase64DataUrl() {
        String body =
                """
                {"messages":[{"role":"user","content":[
                  {"type":"image_url","image_url":{"url":"ftp://example.com/cat.jpg"}}]}]}""";

        assertThatThrownBy(() -> translate(body, false))
                .isInstanceOf(RoutingException.InvalidRequest.class)
                .hasMessage("messages[0]: image_url.url must be an http(s) or data URL");
    }

    @Test
    void shouldRejectTheRequestWhenARoleHasNoAnthropicCounterpart() {
        String body = """
                {"messages":[{"role":"function","name":"f","content":"x"}]}""";

        assertThatThrownBy(() -> translate(body, false))
                .isInstanceOf(RoutingException.InvalidRequest.class)
                .hasMessage("messages[0]: role 'function' is not supported by this provider");
    }
}
