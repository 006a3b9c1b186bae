package io.aigw.routing.adapter.out.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;

import io.aigw.routing.adapter.out.provider.ProviderClientContractTest;
import io.aigw.routing.adapter.out.provider.UpstreamErrors;
import io.aigw.routing.application.ProviderClient;
import io.aigw.routing.domain.ProviderType;
import java.time.Clock;
import java.util.Map;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.json.JsonMapper;

/** api.openai.com: {@code Authorization: Bearer}, base URL {@code /v1}, the body passes through. */
class OpenAiProviderClientContractTest extends ProviderClientContractTest {

    private static final String HEAD = "\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":"
            + CREATED + ",\"model\":\"" + UPSTREAM_MODEL + "\"";

    @Override
    protected ProviderType type() {
        return ProviderType.OPENAI;
    }

    @Override
    protected ProviderClient client(WebClient webClient, UpstreamErrors errors, Clock clock, JsonMapper json) {
        return new OpenAiCompatibleProviderClient(webClient, errors, clock);
    }

    @Override
    protected String basePath() {
        return "/v1";
    }

    @Override
    protected String endpoint() {
        return "/chat/completions";
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
        return Map.of("Authorization", "Bearer " + API_KEY);
    }

    @Override
    protected String expectedCompletionId() {
        return "chatcmpl-1";
    }

    @Override
    protected String completionBody() {
        return """
                {"id":"chatcmpl-1","object":"chat.completion","created":%d,"model":"%s",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"Hello there"},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":12,"completion_tokens":3,"total_tokens":15}}"""
                .formatted(CREATED, UPSTREAM_MODEL);
    }

    private static String data(String choices) {
        return "data: {" + HEAD + ",\"choices\":" + choices + "}\n\n";
    }

    private static String delta(String delta, String finishReason) {
        return data("[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":" + finishReason + "}]");
    }

    @Override
    protected String streamBody(boolean includeUsage) {
        return delta("{\"role\":\"assistant\",\"content\":\"\"}", "null")
                + delta("{\"content\":\"Hello\"}", "null")
                + delta("{\"content\":\" there\"}", "null")
                + delta("{}", "\"stop\"")
                + (includeUsage
                        ? "data: {" + HEAD
                                + ",\"choices\":[],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":3,"
                                + "\"total_tokens\":15}}\n\n"
                        : "")
                + "data: [DONE]\n\n";
    }

    @Override
    protected String cutStreamBody() {
        return delta("{\"role\":\"assistant\",\"content\":\"\"}", "null") + delta("{\"content\":\"Hel\"}", "null");
    }

    @Override
    protected String toolCallBody() {
        return """
                {"id":"chatcmpl-2","object":"chat.completion","created":%d,"model":"%s",
                 "choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[
                   {"id":"%s","type":"function","function":{"name":"weather","arguments":"{\\"city\\":\\"Paris\\"}"}}]},
                   "finish_reason":"tool_calls"}],
                 "usage":{"prompt_tokens":40,"completion_tokens":9,"total_tokens":49}}"""
                .formatted(CREATED, UPSTREAM_MODEL, TOOL_CALL_ID);
    }

    @Override
    protected String toolCallStreamBody() {
        return delta(
                        "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"index\":0,\"id\":\"" + TOOL_CALL_ID
                                + "\",\"type\":\"function\",\"function\":{\"name\":\"weather\",\"arguments\":\"\"}}]}",
                        "null")
                + delta("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"city\\\":\"}}]}", "null")
                + delta("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"\\\"Paris\\\"}\"}}]}", "null")
                + delta("{}", "\"tool_calls\"")
                + "data: [DONE]\n\n";
    }

    @Override
    protected String errorBody(int status, String message) {
        return "{\"error\":{\"message\":\"" + message + "\",\"type\":\"api_error\",\"param\":null,\"code\":\"e" + status
                + "\"}}";
    }

    @Override
    protected void verifyStreamRequest(boolean includeUsage) {
        upstream.verify(
                1,
                sent().withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
                        .withRequestBody(matchingJsonPath(
                                "$.stream_options.include_usage", equalTo(Boolean.toString(includeUsage)))));
    }

    @Override
    protected void verifyToolRequest() {
        upstream.verify(
                1,
                sent().withRequestBody(matchingJsonPath("$.tools[0].function.name", equalTo("weather")))
                        .withRequestBody(matchingJsonPath("$.tool_choice", equalTo("auto")))
                        .withRequestBody(matchingJsonPath("$.tools[0].name", absent())));
    }
}
