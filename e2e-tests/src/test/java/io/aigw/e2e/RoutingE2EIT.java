package io.aigw.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.openai.client.OpenAIClient;
import com.openai.core.http.HttpResponseFor;
import com.openai.core.http.StreamResponse;
import com.openai.errors.OpenAIServiceException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fallbacks, breakers and cascades through the real gateway, routing and simulator. The default
 * catalog's {@code auto} group puts {@code llama-3-8b} (simulated as {@code sim-weak}) first and
 * {@code gpt-4o-mini} second; {@code cascade} goes from {@code llama-3-8b} (tier 1) to {@code gpt-4o}
 * (tier 3).
 */
@ExtendWith(Stack.class)
class RoutingE2EIT {

    private static final int MAX_REQUESTS = 40;

    /** Routing is under test here, so the cache must not answer in its place. */
    private final OpenAIClient client = Clients.withDemoKeyAndNoCache();

    @AfterEach
    void restoreTheWeakModel() {
        Simulator.reset();
        // leave no open breaker behind for the next test: wait until the weak model answers again
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .ignoreExceptionsInstanceOf(OpenAIServiceException.class)
                .until(() -> "llama-3-8b"
                                .equals(Clients.header(
                                        client.chat()
                                                .completions()
                                                .withRawResponse()
                                                .create(ask("llama-3-8b", "Are you back?")
                                                        .build()),
                                        "x-aigw-model"))
                        && Routing.circuitState("llama-3-8b").orElse(0) == 0);
    }

    private static ChatCompletionCreateParams.Builder ask(String model, String question) {
        return ChatCompletionCreateParams.builder().model(model).addUserMessage(question);
    }

    @Test
    void shouldAnswerEveryRequestAndOpenTheBreakerWhenTheCheapestDeploymentAlwaysFails() {
        Simulator.configure("sim-weak", "{\"failure_rate\":1,\"failure_kind\":\"500\"}");

        // a streamed request falls back before any byte reached the client
        StringBuilder streamed = new StringBuilder();
        String streamedBy;
        try (var stream = client.chat()
                .completions()
                .withRawResponse()
                .createStreaming(
                        ask("auto", "Stream despite the failing cheap model.").build())) {
            streamedBy = Clients.header(stream, "x-aigw-model");
            try (StreamResponse<ChatCompletionChunk> chunks = stream.parse()) {
                chunks.stream()
                        .flatMap(chunk -> chunk.choices().stream())
                        .forEach(choice -> choice.delta().content().ifPresent(streamed::append));
            }
        }
        assertThat(streamedBy).isEqualTo("gpt-4o-mini");
        assertThat(streamed.toString()).isNotBlank();

        // then plain requests, until the breaker keeps the failing deployment out of the plan
        List<String> attempts = new ArrayList<>();
        double stateWhenSkipped = -1;
        for (int i = 0; i < MAX_REQUESTS && stateWhenSkipped < 0; i++) {
            HttpResponseFor<ChatCompletion> response = client.chat()
                    .completions()
                    .withRawResponse()
                    .create(ask("auto", "Question " + i + " for whoever can answer.")
                            .build());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(Clients.header(response, "x-aigw-model")).isEqualTo("gpt-4o-mini");
            assertThat(response.parse().choices().get(0).message().content())
                    .hasValueSatisfying(text -> assertThat(text).isNotBlank());
            attempts.add(Clients.header(response, "x-aigw-attempts"));
            if ("1".equals(Clients.header(response, "x-aigw-attempts"))) {
                stateWhenSkipped = Routing.circuitState("llama-3-8b").orElse(-1);
            }
        }

        assertThat(attempts).as("x-aigw-attempts of each answer").endsWith("1");
        assertThat(attempts.subList(0, attempts.size() - 1)).isNotEmpty().containsOnly("2");
        assertThat(stateWhenSkipped).as("aigw_circuit_state of llama-3-8b").isEqualTo(1.0);
        assertThat(Routing.sample("aigw_fallbacks_total", "model=\"llama-3-8b\"")
                        .orElse(0))
                .as("aigw_fallbacks from llama-3-8b")
                .isGreaterThanOrEqualTo(attempts.size());
    }

    @Test
    void shouldEscalateToTheNextTierWhenTheCheapAnswerIsCutAtTheTokenLimit() {
        // the weak model talks for 200 tokens; the client allows 16, so its answer stops at the limit
        Simulator.configure(
                "sim-weak", "{\"output_tokens\":200,\"time_to_first_token\":\"0ms\",\"per_token_delay\":\"0ms\"}");
        Simulator.configure(
                "sim-strong", "{\"output_tokens\":8,\"time_to_first_token\":\"0ms\",\"per_token_delay\":\"0ms\"}");
        double escalationsBefore = Routing.sample("aigw_cascade_escalations_total", "reason=\"truncated\"")
                .orElse(0);

        HttpResponseFor<ChatCompletion> response = client.chat()
                .completions()
                .withRawResponse()
                .create(ask("cascade", "Explain the gateway in detail.")
                        .maxCompletionTokens(16)
                        .build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Clients.header(response, "x-aigw-model")).isEqualTo("gpt-4o");
        assertThat(Clients.header(response, "x-aigw-tier")).isEqualTo("3");
        assertThat(Clients.header(response, "x-aigw-attempts")).isEqualTo("2");
        assertThat(Clients.header(response, "x-aigw-escalations")).isEqualTo("truncated");
        ChatCompletion answer = response.parse();
        assertThat(answer.choices().get(0).finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
        // the wasted cheap attempt is part of the cost: more than the strong answer alone
        BigDecimal cost = new BigDecimal(Clients.header(response, "x-aigw-cost-usd"));
        long prompt = answer.usage().orElseThrow().promptTokens();
        long completion = answer.usage().orElseThrow().completionTokens();
        BigDecimal strongAlone =
                BigDecimal.valueOf(prompt * 2.50 + completion * 10.00).divide(BigDecimal.valueOf(1_000_000));
        assertThat(cost).isGreaterThan(strongAlone);
        assertThat(Routing.sample("aigw_cascade_escalations_total", "reason=\"truncated\"")
                        .orElse(0))
                .isEqualTo(escalationsBefore + 1);
    }

    @Test
    void shouldAcceptTheCheapAnswerWhenItPassesTheGates() {
        Simulator.configure("sim-weak", "{\"time_to_first_token\":\"0ms\",\"per_token_delay\":\"0ms\"}");

        HttpResponseFor<ChatCompletion> response = client.chat()
                .completions()
                .withRawResponse()
                .create(ask("cascade", "A short question.").build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Clients.header(response, "x-aigw-model")).isEqualTo("llama-3-8b");
        assertThat(Clients.header(response, "x-aigw-tier")).isEqualTo("1");
        assertThat(Clients.header(response, "x-aigw-attempts")).isEqualTo("1");
        assertThat(Clients.header(response, "x-aigw-escalations")).isNull();
    }
}
