package io.aigw.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Completions through the real gateway, routing and simulator, with the official OpenAI SDK. */
@ExtendWith(Stack.class)
class ChatCompletionE2EIT {

    /** Providers are under test here, so the cache must not answer in their place. */
    private final OpenAIClient client = Clients.withDemoKeyAndNoCache();

    @AfterEach
    void resetSimulator() {
        Simulator.reset();
    }

    private static ChatCompletionCreateParams.Builder ask(String model, String question) {
        return ChatCompletionCreateParams.builder().model(model).addUserMessage(question);
    }

    @Test
    void shouldAnswerWithUsageWhenAPlainCompletionGoesThroughTheGateway() {
        ChatCompletion completion = client.chat()
                .completions()
                .create(ask("gpt-4o-mini", "Say hello to the gateway.").build());

        assertThat(completion.choices()).isNotEmpty();
        assertThat(completion.choices().get(0).message().content())
                .hasValueSatisfying(text -> assertThat(text).isNotBlank());
        assertThat(completion.usage()).hasValueSatisfying(usage -> {
            assertThat(usage.promptTokens()).isPositive();
            assertThat(usage.completionTokens()).isPositive();
            assertThat(usage.totalTokens()).isEqualTo(usage.promptTokens() + usage.completionTokens());
        });
    }

    @Test
    void shouldReportTheDeploymentInHeadersWhenTheAnswerArrives() {
        var response = client.chat()
                .completions()
                .withRawResponse()
                .create(ask("gpt-4o-mini", "Which deployment answers?").build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().values("x-aigw-provider")).containsExactly("simulator");
        assertThat(response.headers().values("x-aigw-model")).containsExactly("gpt-4o-mini");
        assertThat(response.headers().values("x-aigw-request-id"))
                .singleElement()
                .asString()
                .hasSize(36);
    }

    @Test
    void shouldStreamTheAnswerWithUsageWhenTheClientStreams() {
        List<ChatCompletionChunk> chunks = new ArrayList<>();
        try (StreamResponse<ChatCompletionChunk> stream = client.chat()
                .completions()
                .createStreaming(ask("gpt-4o-mini", "Stream me a few words.")
                        .streamOptions(ChatCompletionStreamOptions.builder()
                                .includeUsage(true)
                                .build())
                        .build())) {
            stream.stream().forEach(chunks::add);
        }

        String text = chunks.stream()
                .flatMap(chunk -> chunk.choices().stream())
                .flatMap(choice -> choice.delta().content().stream())
                .reduce("", String::concat);
        assertThat(text).isNotBlank();
        assertThat(chunks).hasSizeGreaterThan(2);
        assertThat(chunks.get(chunks.size() - 1).usage())
                .hasValueSatisfying(
                        usage -> assertThat(usage.completionTokens()).isPositive());
    }

    /**
     * The simulator generates 30 tokens 100 ms apart (about 3 s). If anything on the path buffered
     * the answer, every chunk would reach the client at about the same moment; relayed chunk by
     * chunk, the first content chunk arrives long before the last.
     */
    @Test
    void shouldDeliverTheFirstChunkBeforeTheProviderHasFinishedWhenStreaming() {
        Simulator.configure(
                "gpt-4o-mini", "{\"time_to_first_token\":\"0ms\",\"per_token_delay\":\"100ms\",\"output_tokens\":30}");
        List<Instant> arrivals = new ArrayList<>();

        try (StreamResponse<ChatCompletionChunk> stream = client.chat()
                .completions()
                .createStreaming(ask("gpt-4o-mini", "Take your time.").build())) {
            stream.stream()
                    .filter(chunk -> chunk.choices().stream().anyMatch(c -> c.delta()
                            .content()
                            .filter(s -> !s.isEmpty())
                            .isPresent()))
                    .forEach(chunk -> arrivals.add(Instant.now()));
        }

        assertThat(arrivals).hasSizeGreaterThanOrEqualTo(10);
        Duration firstToLast = Duration.between(arrivals.get(0), arrivals.get(arrivals.size() - 1));
        assertThat(firstToLast).isGreaterThan(Duration.ofMillis(1500));
    }
}
