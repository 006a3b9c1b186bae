package io.aigw.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.openai.client.OpenAIClient;
import com.openai.core.http.HttpResponseFor;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.aigw.launcher.Service;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The exact and semantic cache through the real gateway, routing and cache-service. */
@ExtendWith(Stack.class)
class CacheE2EIT {

    private final OpenAIClient client = Clients.withDemoKey();

    private static ChatCompletionCreateParams ask(String question) {
        return ChatCompletionCreateParams.builder()
                .model("gpt-4o-mini")
                .addUserMessage(question)
                .build();
    }

    private HttpResponseFor<ChatCompletion> send(ChatCompletionCreateParams params, String... headers) {
        ChatCompletionCreateParams withHeaders = params;
        for (int i = 0; i < headers.length; i += 2) {
            withHeaders = withHeaders.toBuilder()
                    .putAdditionalHeader(headers[i], headers[i + 1])
                    .build();
        }
        return client.chat().completions().withRawResponse().create(withHeaders);
    }

    /** Asks until the answer stored after the first call is served (storing happens after it). */
    private HttpResponseFor<ChatCompletion> untilHit(ChatCompletionCreateParams params, String expected) {
        return await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> send(params), r -> expected.equals(Clients.header(r, "x-aigw-cache")));
    }

    @Test
    void shouldAnswerTheSameQuestionFromTheCacheForFreeWhenItWasAskedBefore() {
        ChatCompletionCreateParams question = ask("What is the capital of France? " + UUID.randomUUID());
        HttpResponseFor<ChatCompletion> first = send(question);
        assertThat(Clients.header(first, "x-aigw-cache")).isEqualTo("miss");
        BigDecimal firstCost = new BigDecimal(Clients.header(first, "x-aigw-cost-usd"));
        String firstAnswer = first.parse().choices().get(0).message().content().orElseThrow();

        HttpResponseFor<ChatCompletion> again = untilHit(question, "hit-exact");

        assertThat(again.parse().choices().get(0).message().content()).hasValue(firstAnswer);
        assertThat(new BigDecimal(Clients.header(again, "x-aigw-cost-usd"))).isEqualByComparingTo("0");
        assertThat(new BigDecimal(Clients.header(again, "x-aigw-saved-usd"))).isEqualByComparingTo(firstCost);
        assertThat(Clients.header(again, "x-aigw-attempts")).isEqualTo("0");
    }

    @Test
    void shouldServeAVerifiedNearRepeatWhenOnlyATypoDiffers() {
        // each run starts with an empty cache, so a fixed question is new; a random tag in it would
        // weigh on the embedding as much as the words do
        ChatCompletionCreateParams original =
                ask("What is the best way to restart a deployment in a Kubernetes cluster without downtime?");
        String answer =
                send(original).parse().choices().get(0).message().content().orElseThrow();
        // stored in both layers by one call: once the exact hit is there, so is the semantic entry
        untilHit(original, "hit-exact");

        // asked once: a miss would store the typo under its own exact key and hide the semantic path
        HttpResponseFor<ChatCompletion> typo =
                send(ask("What is the best way to restart a deployment in a Kubernetes cluster without downtiem?"));

        assertThat(Clients.header(typo, "x-aigw-cache")).isEqualTo("hit-semantic");
        assertThat(typo.parse().choices().get(0).message().content()).hasValue(answer);
        assertThat(Double.parseDouble(Clients.header(typo, "x-aigw-cache-similarity")))
                .isBetween(0.75, 1.0);
    }

    @Test
    void shouldReplayACachedAnswerAsAStreamWhenTheClientStreams() {
        ChatCompletionCreateParams question = ask("Stream a cached answer " + UUID.randomUUID());
        String answer =
                send(question).parse().choices().get(0).message().content().orElseThrow();
        untilHit(question, "hit-exact");

        StringBuilder streamed = new StringBuilder();
        try (var response = client.chat().completions().withRawResponse().createStreaming(question)) {
            assertThat(Clients.header(response, "x-aigw-cache")).isEqualTo("hit-exact");
            try (StreamResponse<ChatCompletionChunk> chunks = response.parse()) {
                chunks.stream()
                        .flatMap(chunk -> chunk.choices().stream())
                        .forEach(choice -> choice.delta().content().ifPresent(streamed::append));
            }
        }
        assertThat(streamed.toString()).isEqualTo(answer);
    }

    @Test
    void shouldGoToTheProviderWhenTheClientTurnsTheCacheOff() {
        ChatCompletionCreateParams question = ask("Never from the cache " + UUID.randomUUID());
        send(question);
        untilHit(question, "hit-exact");

        HttpResponseFor<ChatCompletion> bypassed = send(question, "x-aigw-cache", "off");
        HttpResponseFor<ChatCompletion> noCache = send(question, "Cache-Control", "no-cache");

        assertThat(Clients.header(bypassed, "x-aigw-cache")).isEqualTo("bypass");
        assertThat(Clients.header(bypassed, "x-aigw-attempts")).isEqualTo("1");
        assertThat(Clients.header(noCache, "x-aigw-cache")).isEqualTo("bypass");
    }

    @Test
    void shouldKeepAnsweringWhenTheCacheServiceIsDown() {
        Stack.get().stop(Service.CACHE);
        try {
            HttpResponseFor<ChatCompletion> response = send(ask("Is anyone there? " + UUID.randomUUID()));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(Clients.header(response, "x-aigw-cache")).isEqualTo("miss");
            assertThat(response.parse().choices().get(0).message().content())
                    .hasValueSatisfying(text -> assertThat(text).isNotBlank());
        } finally {
            Stack.get().restart(Service.CACHE);
        }
    }
}
