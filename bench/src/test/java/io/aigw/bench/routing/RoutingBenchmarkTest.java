package io.aigw.bench.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.aigw.bench.routing.adapter.out.routellm.RouteLlmLabelFiles;
import io.aigw.bench.routing.domain.Contamination;
import io.aigw.bench.routing.domain.Dataset;
import io.aigw.bench.routing.domain.DatasetResult;
import io.aigw.bench.routing.domain.JsonReport;
import io.aigw.bench.routing.domain.LabelStats;
import io.aigw.bench.routing.domain.LabeledPrompt;
import io.aigw.bench.routing.domain.MarkdownReport;
import io.aigw.bench.routing.domain.Oracle;
import io.aigw.bench.routing.domain.Reply;
import io.aigw.bench.routing.domain.RoutingReport;
import io.aigw.bench.routing.domain.Scorer;
import io.aigw.bench.routing.domain.Strategy;
import io.aigw.bench.routing.domain.StrategyResult;
import io.aigw.bench.routing.domain.StratifiedSample;
import java.io.BufferedReader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The benchmark's pure parts: label reading, contamination, scoring, the oracle, sampling, rendering. */
class RoutingBenchmarkTest {

    private static final String WEAK = "llama-3-8b";
    private static final String STRONG = "gpt-4o";
    private final Scorer scorer = new Scorer(WEAK, STRONG);

    @Test
    void shouldReadLabelsAndResponsesWhenFieldsHoldQuotesCommasAndLineBreaks() {
        // given a GSM8K-shaped file
        String csv = "prompt,mistralai/Mixtral-8x7B-Instruct-v0.1,gpt-4-1106-preview,"
                + "mistralai/Mixtral-8x7B-Instruct-v0.1_response,gpt-4-1106-preview_response\r\n"
                + "\"Two, \"\"quoted\"\"\nlines\",True,False,\" 2 + 2 = 4\n#### 4\",5\n"
                + "Plain,False,True,x,y\n";

        // when
        List<LabeledPrompt> prompts = RouteLlmLabelFiles.parse(new StringReader(csv), Dataset.GSM8K, "gsm8k");

        // then
        assertThat(prompts)
                .containsExactly(
                        new LabeledPrompt(
                                Dataset.GSM8K,
                                "gsm8k",
                                "Two, \"quoted\"\nlines",
                                true,
                                false,
                                " 2 + 2 = 4\n#### 4",
                                "5"),
                        new LabeledPrompt(Dataset.GSM8K, "gsm8k", "Plain", false, true, "x", "y"));
    }

    @Test
    void shouldLeaveOutOnlyExactMatchesWhenPromptsAreContaminated() throws Exception {
        // given one listed prompt, and one that differs from a listed one only by a trailing blank
        String jsonl = "{\"train_prompt\":\"t\",\"eval_prompt\":\"A?\",\"train_idx\":1,\"eval_idx\":0}\n"
                + "{\"train_prompt\":\"t\",\"eval_prompt\":\"B? \",\"train_idx\":2,\"eval_idx\":1}\n";
        Contamination contamination =
                RouteLlmLabelFiles.parseContamination(new BufferedReader(new StringReader(jsonl)));
        List<LabeledPrompt> prompts =
                List.of(mmlu("s", "A?", true, true), mmlu("s", "B?", true, true), mmlu("s", "C?", false, false));

        // when
        List<LabeledPrompt> clean = contamination.clean(prompts);

        // then
        assertThat(contamination.size()).isEqualTo(2);
        assertThat(clean).extracting(LabeledPrompt::prompt).containsExactly("B?", "C?");
    }

    @Test
    void shouldScoreTheAnsweringModelsLabelWhenTheAnswerIsWhole() {
        // given the weak model right, the strong model wrong
        LabeledPrompt prompt = mmlu("s", "Q", true, false);

        // then
        assertThat(scorer.correct(prompt, reply(WEAK, "0.001", "stop"))).isTrue();
        assertThat(scorer.correct(prompt, reply(STRONG, "0.001", "stop"))).isFalse();
        assertThat(scorer.correct(prompt, reply(WEAK, "0.001", "length"))).isFalse();
        assertThat(scorer.correct(prompt, new Reply(502, WEAK, BigDecimal.ZERO, "", 0, "", "bad gateway")))
                .isFalse();
        assertThat(scorer.correct(prompt, reply("someone-else", "0.001", "stop")))
                .isFalse();
    }

    @Test
    void shouldSendOnlyWeakWrongStrongRightToStrongWhenComputingTheOracle() {
        // given the four label combinations, weak answers at 0.001 USD and strong ones at 0.1 USD
        List<LabeledPrompt> prompts = List.of(
                mmlu("s", "both", true, true),
                mmlu("s", "weak only", true, false),
                mmlu("s", "strong only", false, true),
                mmlu("s", "neither", false, false));
        List<Reply> weak =
                prompts.stream().map(p -> reply(WEAK, "0.001", "stop")).toList();
        List<Reply> strong =
                prompts.stream().map(p -> reply(STRONG, "0.1", "stop")).toList();

        // when
        StrategyResult oracle = Oracle.of(prompts, weak, strong, scorer);

        // then 3 of 4 right, one sent to strong; cost (3 x 0.001 + 0.1) / 4 x 1000 = 25.75
        assertThat(oracle.correct()).isEqualTo(3);
        assertThat(oracle.accuracy()).isEqualTo(0.75);
        assertThat(oracle.strongShare()).isEqualTo(0.25);
        assertThat(oracle.costPer1kRequestsUsd()).isEqualByComparingTo("25.75");
        assertThat(oracle.costPer1kRequestsUsd().toPlainString()).isEqualTo("25.750000");
    }

    @Test
    void shouldCountEscalationsAndStrongAnswersWhenTallyingACascade() {
        // given one accepted cheap answer and one escalated to the strong model
        List<LabeledPrompt> prompts = List.of(mmlu("s", "a", true, true), mmlu("s", "b", false, true));
        List<Reply> replies = List.of(
                new Reply(200, WEAK, new BigDecimal("0.00001"), "stop", 6, "", "MMLU replay: correct"),
                new Reply(200, STRONG, new BigDecimal("0.00301"), "stop", 6, "truncated", "MMLU replay: correct"));

        // when
        StrategyResult result = StrategyResult.of(Strategy.CASCADE, prompts, replies, scorer);

        // then
        assertThat(result.correct()).isEqualTo(2);
        assertThat(result.strongAnswers()).isEqualTo(1);
        assertThat(result.escalatedRequests()).isEqualTo(1);
        assertThat(result.escalations()).isEqualTo(Map.of("truncated", 1));
        assertThat(result.replayMisses()).isZero();
        assertThat(result.costPer1kRequestsUsd().toPlainString()).isEqualTo("1.510000");
    }

    @Test
    void shouldKeepEachSubjectsShareWhenSamplingWithAFixedSeed() {
        // given 6 prompts of subject a and 3 of subject b
        List<LabeledPrompt> prompts = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            prompts.add(mmlu("a", "a" + i, true, true));
        }
        for (int i = 0; i < 3; i++) {
            prompts.add(mmlu("b", "b" + i, true, true));
        }

        // when
        List<LabeledPrompt> sample = StratifiedSample.of(prompts, 3, 7);

        // then two of a and one of b, the same on every run, in file order
        Map<String, Long> bySource =
                sample.stream().collect(Collectors.groupingBy(LabeledPrompt::source, Collectors.counting()));
        assertThat(bySource).isEqualTo(Map.of("a", 2L, "b", 1L));
        assertThat(StratifiedSample.of(prompts, 3, 7)).isEqualTo(sample);
        assertThat(sample).isSortedAccordingTo((x, y) -> Integer.compare(prompts.indexOf(x), prompts.indexOf(y)));
    }

    @Test
    void shouldRenderTheHeadlineFiguresWhenWritingTheReport() {
        // given
        List<LabeledPrompt> prompts = List.of(mmlu("s", "a", true, true), mmlu("s", "b", false, true));
        List<Reply> weak = List.of(reply(WEAK, "0.00001", "stop"), reply(WEAK, "0.00003", "stop"));
        List<Reply> strong = List.of(reply(STRONG, "0.001", "stop"), reply(STRONG, "0.003", "stop"));
        DatasetResult set = new DatasetResult(
                Dataset.MMLU,
                3,
                1,
                "full set",
                16,
                LabelStats.of(prompts),
                List.of(
                        StrategyResult.of(Strategy.ALWAYS_WEAK, prompts, weak, scorer),
                        Oracle.of(prompts, weak, strong, scorer)));
        RoutingReport report = new RoutingReport(
                "2025-01-02T03:04:05Z", "./aigw bench routing", "2 cores", 12, Duration.ofSeconds(75), List.of(set));

        // when
        String json = JsonReport.render(report);
        String markdown = MarkdownReport.render(report);

        // then
        assertThat(json)
                .isEqualTo(
                        """
                {
                  "benchmark": "routing",
                  "date": "2025-01-02T03:04:05Z",
                  "command": "./aigw bench routing",
                  "machine": "2 cores",
                  "concurrency": 12,
                  "run_time_seconds": 75,
                  "datasets": {
                    "mmlu": {
                      "n": 2,
                      "sample": "full set",
                      "max_tokens": 16,
                      "strategies": {
                        "always-weak": {"accuracy": 0.5000, "cost_per_1k_requests_usd": 0.020000, "strong_share": 0.0000, "n": 2},
                        "oracle": {"accuracy": 1.0000, "cost_per_1k_requests_usd": 1.505000, "strong_share": 0.5000, "n": 2}
                      }
                    }
                  }
                }
                """);
        assertThat(markdown)
                .contains("| MMLU | always-weak | 2 | 0.500 | 0.0200 | 0.0 % | 0 | 0 | 0 |\n")
                .contains("| MMLU | oracle | 2 | 1.000 | 1.5050 | 50.0 % | – | – | – |\n")
                .contains(
                        "| MMLU | 2 / 14,041 | 0.500 / 0.500 / 0.681 | – / 1.000 / 0.806 | 1.000 / 0.859 | 50.0 % / 17.8 % |\n")
                .contains("- Run time of the requests: 1 min 15 s");
    }

    private static LabeledPrompt mmlu(String source, String prompt, boolean weakCorrect, boolean strongCorrect) {
        return LabeledPrompt.labelsOnly(Dataset.MMLU, source, prompt, weakCorrect, strongCorrect);
    }

    private static Reply reply(String model, String costUsd, String finishReason) {
        return new Reply(200, model, new BigDecimal(costUsd), finishReason, 6, "", "");
    }
}
