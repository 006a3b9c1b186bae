package io.aigw.simulator.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/** Replays the real RouteLLM data from {@code shared/data} (the failsafe configuration points at it). */
class ReplayIT extends SimulatorHttpTestBase {

    private static final String JANET = "Janet’s ducks lay 16 eggs per day. She eats three for breakfast every morning"
            + " and bakes muffins for her friends every day with four. She sells the remainder at the farmers' market"
            + " daily for $2 per fresh duck egg. How much in dollars does she make every day at the farmers' market?";
    private static final String FIELD_DEGREE = "Find the degree for the given field extension Q(sqrt(2), sqrt(3),"
            + " sqrt(18)) over Q.\nA. 0\nB. 4\nC. 2\nD. 6\nAnswer:";
    private static final String INDEX_OF_P =
            "Let p = (1, 2, 5, 4)(2, 3) in S_5 . Find the index of <p> in S_5.\nA. 8\nB. 2\nC. 24\nD. 120\nAnswer:";

    @Test
    void shouldReplayEachModelsRecordedGsm8kAnswer() {
        profile("it-weak", Map.of("replay", "weak"));
        profile("it-strong", Map.of("replay", "strong"));

        EntityExchangeResult<String> weak = ask("it-weak", "  " + JANET + "\n");
        EntityExchangeResult<String> strong = ask("it-strong", JANET);

        assertThat(content(weak))
                .startsWith(" Janet starts with 16 eggs per day.")
                .endsWith("#### 18");
        assertThat(content(strong)).startsWith("Janet uses 3 eggs for breakfast and 4 for baking muffins");
        assertThat(weak.getResponseHeaders().getFirst("x-sim-replay")).isEqualTo("gsm8k");
        assertThat(strong.getResponseHeaders().getFirst("x-sim-replay-correct")).isEqualTo("true");
    }

    @Test
    void shouldAnswerMmluPromptsWithTheirLabel() {
        profile("it-mmlu", Map.of("replay", "strong"));

        assertThat(content(ask("it-mmlu", FIELD_DEGREE))).isEqualTo("MMLU replay: correct");
        assertThat(content(ask("it-mmlu", INDEX_OF_P))).isEqualTo("MMLU replay: incorrect");
    }

    @Test
    void shouldFallBackToFillerForUnknownPrompts() {
        profile("it-unknown", Map.of("replay", "weak", "output_tokens", 9));

        EntityExchangeResult<String> result = ask("it-unknown", "Not a benchmark prompt");

        assertThat(result.getResponseHeaders().containsHeader("x-sim-replay")).isFalse();
        assertThat(parse(result.getResponseBody())
                        .at("/usage/completion_tokens")
                        .asInt())
                .isEqualTo(9);
    }

    private EntityExchangeResult<String> ask(String model, String prompt) {
        return post("/v1/chat/completions", chatBody(model, prompt, Map.of()))
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult();
    }

    private static String content(EntityExchangeResult<String> result) {
        return parse(result.getResponseBody()).at("/choices/0/message/content").asString();
    }
}
