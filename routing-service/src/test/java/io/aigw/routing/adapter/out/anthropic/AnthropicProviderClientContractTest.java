package io.aigw.routing.adapter.out.anthropic;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static org.assertj.core.api.Assertions.assertThat;

import io.aigw.routing.adapter.out.provider.ProviderClientContractTest;
import io.aigw.routing.adapter.out.provider.UpstreamErrors;
import io.aigw.routing.application.ProviderClient;
import io.aigw.routing.domain.ProviderType;
import io.aigw.routing.domain.RoutingException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.json.JsonMapper;

/** Anthropic's Messages API: {@code x-api-key}, {@code anthropic-version}, its own JSON and events. */
class AnthropicProviderClientContractTest extends ProviderClientContractTest {

    private static final String START = event(
            "message_start",
            "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\","
                    + "\"content\":[],\"model\":\"" + UPSTREAM_MODEL + "\",\"stop_reason\":null,\"stop_sequence\":null,"
                    + "\"usage\":{\"input_tokens\":12,\"output_tokens\":1}}}");
    private static final String PING = event("ping", "{\"type\":\"ping\"}");

    private static String event(String name, String data) {
        return "event: " + name + "\ndata: " + data + "\n\n";
    }

    private static String textStart(int index) {
        return event(
                "content_block_start",
                "{\"type\":\"content_block_start\",\"index\":" + index
                        + ",\"content_block\":{\"type\":\"text\",\"text\":\"\"}}");
    }

    private static String textDelta(int index, String text) {
        return event(
                "content_block_delta",
                "{\"type\":\"content_block_delta\",\"index\":" + index
                        + ",\"delta\":{\"type\":\"text_delta\",\"text\":\"" + text + "\"}}");
    }

    private static String blockStop(int index) {
        return event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":" + index + "}");
    }

    private static String end(String stopReason, int outputTokens) {
        return event(
                        "message_delta",
                        "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"" + stopReason
                                + "\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":" + outputTokens + "}}")
                + event("message_stop", "{\"type\":\"message_stop\"}");
    }

    @Override
    protected ProviderType type() {
        return ProviderType.ANTHROPIC;
    }

    @Override
    protected ProviderClient client(WebClient webClient, UpstreamErrors errors, Clock clock, JsonMapper json) {
        return new AnthropicProviderClient(webClient, errors, clock, json);
    }

    @Override
    protected String basePath() {
        return "/v1";
    }

    @Override
    protected String endpoint() {
        return "/messages";
    }

    @Override
    protected String configuredAuthHeader() {
        return null;
    }

    @Override
    protected String configuredAuthScheme() {
        return null;
    }

    @Override
    protected Map<String, String> expectedHeaders() {
        return Map.of("x-api-key", API_KEY, "anthropic-version", "2023-06-01");
    }

    @Override
    protected String expectedCompletionId() {
        return "msg_1";
    }

    @Override
    protected String completionBody() {
        return """
                {"id":"msg_1","type":"message","role":"assistant","model":"%s",
                 "content":[{"type":"text","text":"Hello there"}],
                 "stop_reason":"end_turn","stop_sequence":null,
                 "usage":{"input_tokens":12,"output_tokens":3}}"""
                .formatted(UPSTREAM_MODEL);
    }

    @Override
    protected String streamBody(boolean includeUsage) {
        // Anthropic always reports usage; the adapter decides whether the client sees it
        return START
                + textStart(0)
                + PING
                + textDelta(0, "Hello")
                + textDelta(0, " there")
                + blockStop(0)
                + end("end_turn", 3);
    }

    @Override
    protected String cutStreamBody() {
        return START + textStart(0) + textDelta(0, "Hel");
    }

    @Override
    protected String toolCallBody() {
        return """
                {"id":"msg_2","type":"message","role":"assistant","model":"%s",
                 "content":[{"type":"tool_use","id":"%s","name":"weather","input":{"city":"Paris"}}],
                 "stop_reason":"tool_use","stop_sequence":null,
                 "usage":{"input_tokens":40,"output_tokens":9}}"""
                .formatted(UPSTREAM_MODEL, TOOL_CALL_ID);
    }

    @Override
    protected String toolCallStreamBody() {
        return START
                + event(
                        "content_block_start",
                        "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"tool_use\",\"id\":\""
                                + TOOL_CALL_ID + "\",\"name\":\"weather\",\"input\":{}}}")
                + event(
                        "content_block_delta",
                        "{\"type\":\"content_block_delta\",\"index\":0,"
                                + "\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"\"}}")
                + event(
                        "content_block_delta",
                        "{\"type\":\"content_block_delta\",\"index\":0,"
                                + "\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"{\\\"city\\\":\"}}")
                + event(
                        "content_block_delta",
                        "{\"type\":\"content_block_delta\",\"index\":0,"
                                + "\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"\\\"Paris\\\"}\"}}")
                + blockStop(0)
                + end("tool_use", 9);
    }

    @Override
    protected String errorBody(int status, String message) {
        String type =
                switch (status) {
                    case 400, 422 -> "invalid_request_error";
                    case 401 -> "authentication_error";
                    case 403 -> "permission_error";
                    case 404 -> "not_found_error";
                    case 413 -> "request_too_large";
                    case 429 -> "rate_limit_error";
                    case 529 -> "overloaded_error";
                    default -> "api_error";
                };
        return "{\"type\":\"error\",\"error\":{\"type\":\"" + type + "\",\"message\":\"" + message + "\"}}";
    }

    @Override
    protected void verifyStreamRequest(boolean includeUsage) {
        upstream.verify(
                1,
                sent().withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
                        .withRequestBody(matchingJsonPath("$.max_tokens", equalTo("4096")))
                        // Anthropic refuses fields it does not know
                        .withRequestBody(matchingJsonPath("$.stream_options", absent())));
    }

    @Override
    protected void verifyToolRequest() {
        upstream.verify(
                1,
                sent().withRequestBody(matchingJsonPath("$.tools[0].name", equalTo("weather")))
                        .withRequestBody(matchingJsonPath("$.tools[0].input_schema.type", equalTo("object")))
                        .withRequestBody(matchingJsonPath("$.tool_choice.type", equalTo("auto")))
                        .withRequestBody(matchingJsonPath("$.tools[0].function", absent())));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"overloaded_error,529,true", "api_error,500,true", "invalid_request_error,400,false"})
    void shouldFailAfterTheChunksSoFarWhenAnthropicSendsAnErrorEventMidStream(
            String type, int status, boolean retriable) {
        // given
        stub(sseAnswer(START
                + textStart(0)
                + textDelta(0, "Hel")
                + event(
                        "error",
                        "{\"type\":\"error\",\"error\":{\"type\":\"" + type + "\",\"message\":\"Went wrong for "
                                + API_KEY + "\"}}")));
        List<String> received = new ArrayList<>();

        // when
        Throwable error = catchThrowable(() -> client().stream(deployment(), helloBody())
                .doOnNext(received::add)
                .blockLast());

        // then
        assertThat(received).hasSize(2);
        assertThat(content(received.stream().map(json::readTree).toList())).isEqualTo("Hel");
        if (retriable) {
            assertThat(error).isInstanceOfSatisfying(RoutingException.UpstreamFailure.class, f -> {
                assertThat(f.retriable()).isTrue();
                assertThat(f.upstreamStatus()).isEqualTo(status);
            });
            assertThat(error).hasMessage("provider 'contract' answered " + status + ": Went wrong for ****");
        } else {
            assertThat(error)
                    .isInstanceOf(RoutingException.InvalidRequest.class)
                    .hasMessage("Went wrong for ****");
        }
    }
}
