package io.aigw.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.InternalServerException;
import com.openai.errors.NotFoundException;
import com.openai.errors.OpenAIServiceException;
import com.openai.errors.UnauthorizedException;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The error table of DESIGN.md, as the official SDK and a raw HTTP client see it. */
@ExtendWith(Stack.class)
class ErrorE2EIT {

    /** Providers are under test here, so the cache must not answer in their place. */
    private final OpenAIClient client = Clients.withDemoKeyAndNoCache();

    @AfterEach
    void resetSimulator() {
        Simulator.reset();
    }

    private static ChatCompletionCreateParams ask(String model) {
        return ChatCompletionCreateParams.builder()
                .model(model)
                .addUserMessage("Hello?")
                .build();
    }

    @Test
    void shouldRefuseWith401WhenTheKeyIsWrong() {
        assertThatThrownBy(
                        () -> Clients.withKey("not-a-key").chat().completions().create(ask("gpt-4o-mini")))
                .isInstanceOfSatisfying(UnauthorizedException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(401);
                    assertThat(e.code()).hasValue("invalid_api_key");
                    assertThat(e.type()).hasValue("authentication_error");
                });
    }

    @Test
    void shouldAnswer404WhenTheModelIsUnknown() {
        assertThatThrownBy(() -> client.chat().completions().create(ask("no-such-model")))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.code()).hasValue("model_not_found");
                    assertThat(e.param()).hasValue("model");
                });
    }

    @Test
    void shouldAnswer400InOpenAiShapeWhenTheBodyIsMalformedJson() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(Clients.gatewayBaseUrl() + "/chat/completions"))
                                .header("Authorization", "Bearer " + Stack.get().demoKey())
                                .header("Content-Type", "application/json")
                                .timeout(Duration.ofSeconds(10))
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"model\": \"gpt-4o-mini\", \"messages\": ["))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("content-type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(response.body())
                .isEqualTo("{\"error\":{\"message\":\"The request body is not valid JSON.\","
                        + "\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_request\"}}");
    }

    @Test
    void shouldAnswer502WhenTheProviderFails() {
        Simulator.configure("claude-sonnet", "{\"failure_rate\":1,\"failure_kind\":\"500\"}");

        assertThatThrownBy(() -> client.chat().completions().create(ask("claude-sonnet")))
                .isInstanceOfSatisfying(InternalServerException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(502);
                    assertThat(e.code()).hasValue("upstream_error");
                });
    }

    @Test
    void shouldAnswer504WhenTheProviderHangsPastTheTimeout() {
        Simulator.configure("claude-sonnet", "{\"failure_rate\":1,\"failure_kind\":\"hang\"}");

        assertThatThrownBy(() -> client.chat().completions().create(ask("claude-sonnet")))
                .isInstanceOfSatisfying(OpenAIServiceException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(504);
                    assertThat(e.code()).hasValue("upstream_timeout");
                });
    }

    @Test
    void shouldEndTheStreamWithAnErrorEventWhenTheProviderCutsItMidway() {
        Simulator.configure(
                "claude-sonnet",
                "{\"failure_rate\":1,\"failure_kind\":\"stream-cut\",\"output_tokens\":40,\"per_token_delay\":\"5ms\"}");
        List<ChatCompletionChunk> received = new ArrayList<>();

        assertThatThrownBy(() -> {
                    try (StreamResponse<ChatCompletionChunk> stream =
                            client.chat().completions().createStreaming(ask("claude-sonnet"))) {
                        stream.stream().forEach(received::add);
                    }
                })
                .isInstanceOf(com.openai.errors.OpenAIException.class);
        assertThat(received).as("chunks before the cut").isNotEmpty();
    }
}
