package io.aigw.bench.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aigw.bench.limits.adapter.out.azure.AzureTraceFile;
import io.aigw.bench.limits.domain.Arrival;
import io.aigw.bench.limits.domain.ClientTally;
import io.aigw.bench.limits.domain.JsonReport;
import io.aigw.bench.limits.domain.LimitsReport;
import io.aigw.bench.limits.domain.LoadShape;
import io.aigw.bench.limits.domain.MarkdownReport;
import io.aigw.bench.limits.domain.Outcome;
import io.aigw.bench.limits.domain.Percentiles;
import io.aigw.bench.limits.domain.ProbeResult;
import io.aigw.bench.limits.domain.PrometheusText;
import io.aigw.bench.limits.domain.PromptText;
import io.aigw.bench.limits.domain.RequestResult;
import io.aigw.bench.limits.domain.ReservationLatency;
import io.aigw.bench.limits.domain.RoutingCounters;
import io.aigw.bench.limits.domain.RunResult;
import io.aigw.bench.limits.domain.SimulatorModelStats;
import io.aigw.bench.limits.domain.TraceRequest;
import io.aigw.bench.limits.domain.Utilization;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The limits benchmark's pure parts: trace reading and scaling, prompts, the arithmetic, rendering. */
class LimitsBenchmarkTest {

    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    @Test
    void shouldReadTraceRowsAsOffsetsFromTheFirstRow() throws Exception {
        // given
        String csv = "TIMESTAMP,ContextTokens,GeneratedTokens\n"
                + "2023-11-16 18:15:46.6805900,374,44\n"
                + "2023-11-16 18:15:50.9951690,396,109\n"
                + "\n"
                + "2023-11-16 18:16:46.6805900,14050,1000\n";

        // when
        List<TraceRequest> rows = AzureTraceFile.parse(new StringReader(csv));

        // then
        assertThat(rows)
                .containsExactly(
                        new TraceRequest(Duration.ZERO, 374, 44),
                        new TraceRequest(Duration.ofNanos(4_314_579_000L), 396, 109),
                        new TraceRequest(Duration.ofSeconds(60), 14050, 1000));
    }

    @Test
    void shouldRefuseAFileWhenItsHeaderIsNotTheTrace() {
        assertThatThrownBy(() -> AzureTraceFile.parse(new StringReader("a,b,c\n1,2,3\n")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an Azure LLM trace");
    }

    @Test
    void shouldCompressClipAndDealArrivalsWhenScheduling() {
        // given twice the speed, 10 s of load, an 8,192-token window and at most 1,024 output tokens
        LoadShape shape = new LoadShape(2, Duration.ofSeconds(10), 8192, 1024, 2);
        List<TraceRequest> trace = List.of(
                new TraceRequest(Duration.ZERO, 374, 44),
                new TraceRequest(Duration.ofSeconds(4), 14050, 1000),
                new TraceRequest(Duration.ofMillis(19_900), 2, 1500),
                new TraceRequest(Duration.ofSeconds(20), 100, 10));

        // when
        List<Arrival> schedule = shape.schedule(trace);

        // then the last row falls at 10 s and is left out; sizes fit prompt + max_tokens <= 8,192
        assertThat(schedule)
                .containsExactly(
                        new Arrival(0, Duration.ZERO, 374, 44, 0),
                        new Arrival(1, Duration.ofSeconds(2), 7192, 1000, 1),
                        new Arrival(2, Duration.ofMillis(9_950), 8, 1024, 0));
    }

    @Test
    void shouldBuildPromptsOfThePlannedWordCountWhenAskedForTokens() {
        // when: 12 tokens = 5 words + the chat overhead of 7
        String text = PromptText.of(12, 0);

        // then
        assertThat(text).isEqualTo(" the for on of it");
        assertThatThrownBy(() -> PromptText.of(7, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldTallyOutcomesAndSpillShareWhenRequestsEndDifferently() {
        // given
        Arrival a = new Arrival(0, Duration.ZERO, 100, 10, 0);
        List<RequestResult> results = List.of(
                answered(a, "llama-3-8b", 100, 10, 10),
                answered(a, "llama-3-8b", 100, 9, 30),
                answered(a, "gpt-4o-mini", 100, 10, 20),
                answered(a, "gpt-4o-mini", 99, 10, 40),
                new RequestResult(
                        a, Outcome.REFUSED, 503, "", OptionalLong.of(2), 0, 0, Duration.ofMillis(5), "no_capacity"),
                new RequestResult(
                        a, Outcome.REFUSED, 503, "", OptionalLong.empty(), 0, 0, Duration.ZERO, "no_capacity"),
                new RequestResult(
                        a, Outcome.FAILED, 502, "", OptionalLong.empty(), 0, 0, Duration.ZERO, "upstream_error"),
                RequestResult.shed(a));

        // when
        ClientTally tally = ClientTally.of(results);

        // then
        assertThat(tally.scheduled()).isEqualTo(8);
        assertThat(tally.sent()).isEqualTo(7);
        assertThat(tally.answered()).isEqualTo(4);
        assertThat(tally.refused()).isEqualTo(2);
        assertThat(tally.refusedWithRetryAfter()).isEqualTo(1);
        assertThat(tally.failed()).isEqualTo(1);
        assertThat(tally.shed()).isEqualTo(1);
        assertThat(tally.failures()).isEqualTo(Map.of("502 upstream_error", 1));
        assertThat(tally.spillShare("llama-3-8b")).isEqualTo(0.5);
        assertThat(tally.promptTokenMismatches()).isEqualTo(1);
        assertThat(tally.completionTokenMismatches()).isEqualTo(1);
        assertThat(tally.latencyP50Millis()).isEqualTo(20.0);
        assertThat(tally.latencyP99Millis()).isEqualTo(40.0);
    }

    @Test
    void shouldTakeNearestRankPercentilesWhenGivenDurations() {
        long[] nanos = new long[100];
        for (int i = 0; i < 100; i++) {
            nanos[i] = (100 - i) * 1_000_000L; // 100 ms down to 1 ms
        }
        assertThat(Percentiles.ofNanos(nanos)).isEqualTo(new Percentiles(100, 50.0, 99.0, 100.0));
        assertThat(Percentiles.ofNanos(new long[0])).isEqualTo(new Percentiles(0, 0, 0, 0));
    }

    @Test
    void shouldCountAnswersSentInTheWholeMinutesAfterTheFirstWhenComputingUtilization() {
        // given 150 s of schedule: the steady part is [60 s, 120 s), the half minute after it is left out
        Arrival early = new Arrival(0, Duration.ofSeconds(59), 100, 10, 0);
        Arrival first = new Arrival(1, Duration.ofSeconds(60), 100, 10, 0);
        Arrival last = new Arrival(2, Duration.ofMillis(119_999), 100, 10, 1);
        Arrival late = new Arrival(3, Duration.ofSeconds(120), 100, 10, 1);
        List<RequestResult> results = List.of(
                answered(early, "llama-3-8b", 5_000, 1_000, 1),
                answered(first, "llama-3-8b", 100_000, 20_000, 1),
                answered(first, "gpt-4o-mini", 50_000, 0, 1),
                answered(last, "llama-3-8b", 58_000, 20_000, 1),
                answered(late, "llama-3-8b", 9_000, 1_000, 1),
                new RequestResult(
                        first, Outcome.REFUSED, 503, "llama-3-8b", OptionalLong.of(1), 0, 0, Duration.ZERO, ""));

        // when
        Utilization u = Utilization.of(results, "llama-3-8b", Duration.ofSeconds(150), 600, 200_000);

        // then 2 requests and 198,000 tokens in one minute
        assertThat(u).isEqualTo(new Utilization(Duration.ofMinutes(1), 2, 198_000, 600, 200_000));
        assertThat(u.ofRpm()).isEqualTo(2 / 600.0);
        assertThat(u.ofTpm()).isEqualTo(0.99);
        assertThat(u.ofBinding()).isEqualTo(0.99);
        assertThat(Utilization.of(results, "llama-3-8b", Duration.ofSeconds(90), 600, 200_000)
                        .steady())
                .isEqualTo(Duration.ZERO);
    }

    @Test
    void shouldSumPrometheusSamplesWhenTheirLabelsMatch() {
        // given
        String replica1 = "# HELP aigw_fallbacks_total Failed calls\n"
                + "# TYPE aigw_fallbacks_total counter\n"
                + "aigw_fallbacks_total{application=\"routing-service\",model=\"llama-3-8b\",provider=\"simulator\","
                + "reason=\"no_headroom\"} 391.0\n"
                + "aigw_fallbacks_total{application=\"routing-service\",model=\"llama-3-8b\",provider=\"simulator\","
                + "reason=\"429\"} 7.0\n"
                + "aigw_fallbacks_total_created{model=\"llama-3-8b\",reason=\"429\"} 1.7E9\n"
                + "aigw_provider_reservations_total{model=\"llama-3-8b\",outcome=\"granted\",store=\"shared\"} 280.0\n"
                + "aigw_reservation_settle_delta_tokens_count{direction=\"refund\",model=\"llama-3-8b\"} 280.0\n"
                + "aigw_reservation_settle_delta_tokens_sum{direction=\"refund\",model=\"llama-3-8b\"} 560.0\n";
        String replica2 = "aigw_fallbacks_total{model=\"llama-3-8b\",reason=\"429\"} 3.0\n"
                + "aigw_fallbacks_total{model=\"gpt-4o-mini\",reason=\"429\"} 100.0\n"
                + "aigw_provider_reservations_total{model=\"llama-3-8b\",outcome=\"refused\",store=\"shared\"} 5\n";

        // when
        RoutingCounters counters = RoutingCounters.of(List.of(replica1, replica2), "llama-3-8b");

        // then
        assertThat(counters).isEqualTo(new RoutingCounters(280, 5, 0, 391, 10, 280, 0, 560));
        assertThat(PrometheusText.sum(replica1, "aigw_fallbacks_total", Map.of()))
                .isEqualTo(398.0);
    }

    @Test
    void shouldRenderTheHeadlineFiguresWhenGivenTwoRuns() {
        // given
        LimitsReport report = report();

        // when
        String json = JsonReport.render(report);
        String markdown = MarkdownReport.render(report);

        // then
        assertThat(json)
                .contains("\"benchmark\": \"limits\",\n")
                .contains("\"run_time_seconds\": 600,\n")
                .contains("    \"redis\": {\n"
                        + "      \"sent\": 10, \"answered\": 10, \"refused\": 0, \"refused_with_retry_after\": 0,"
                        + " \"failed\": 0, \"shed\": 0,\n"
                        + "      \"provider_429s\": 0, \"routing_fallbacks_after_429\": 0,"
                        + " \"routing_skips_no_headroom\": 5, \"routing_reservations_by_fallback\": 1,\n"
                        + "      \"max_per_minute\": {\"requests\": 50, \"rpm_limit\": 600, \"tokens\": 199000,"
                        + " \"tpm_limit\": 200000},\n"
                        + "      \"utilization_rpm\": 0.0350, \"utilization_tpm\": 0.9900, \"steady_seconds\": 120,"
                        + " \"spill_share\": 0.5000,\n"
                        + "      \"retry_after_probe\": {\"refused_status\": 503, \"retry_after_seconds\": 2,"
                        + " \"retry_status\": 200, \"held\": true}\n"
                        + "    }")
                .contains("\"provider_429s\": 12, \"routing_fallbacks_after_429\": 12,")
                .contains("  \"reservation_p50_ms\": 0.090,\n  \"reservation_p99_ms\": 0.150,\n");
        assertThat(markdown)
                .contains("| | with reservations (store=redis) | without (store=local) | \n")
                .contains("| **provider 429s** (simulator, sim-weak) | **0** | **12** | \n")
                .contains(
                        "| routing: reservations decided by the per-replica fallback (Redis over its budget) | 1 | 0 | \n")
                .contains("| **utilization of the TPM limit** | 99.0 % | 99.0 % | \n")
                .contains("| **max accepted tokens in any sliding minute** (limit 200,000) | 199,000 | 199,000 | \n")
                .contains(
                        "| 60 | 0 | 0 | \n| 70 | 30,000 | 30,000 | \n| 80 | 36,000 (2) | 36,000 (2) | \n| 90 | 0 | 0 | \n")
                .contains("| 1 | 20,000 | 0.090 ms | 0.150 ms | 1.000 ms | 9,000 |\n")
                .contains("- with reservations (store=redis): the simulator answered no limit 429 to the cheap model,"
                        + " and no sliding minute went over either limit; utilization of the binding limit 99.0 %"
                        + " (target ≥ 90 %: met)");
    }

    @Test
    void shouldWriteToTargetWhenAnOptionDiffersFromTheDefaults() {
        Path root = Path.of("/repo");
        LimitsBenchOptions defaults = LimitsBenchOptions.parse(new String[] {"--root", "/repo"}, Map.of(), root);
        LimitsBenchOptions quick = LimitsBenchOptions.parse(
                new String[] {"--root", "/repo", "--duration", "90s", "--stores", "redis"}, Map.of(), root);

        assertThat(defaults.out()).isEqualTo(Path.of("/repo/docs/benchmarks"));
        assertThat(defaults.data()).isEqualTo(Path.of("/shared/data"));
        assertThat(defaults.commandLine()).isEqualTo("./aigw bench limits");
        assertThat(quick.out()).isEqualTo(Path.of("/repo/bench/target/benchmarks"));
        assertThat(quick.duration()).isEqualTo(Duration.ofSeconds(90));
        assertThat(quick.stores()).containsExactly("redis");
        assertThat(quick.commandLine()).isEqualTo("./aigw bench limits --duration 90s --stores redis");
        assertThatThrownBy(() -> LimitsBenchOptions.parse(new String[] {"--stores", "memcached"}, Map.of(), root))
                .hasMessageContaining("--stores must be one of");
    }

    private static RequestResult answered(Arrival a, String model, int prompt, int completion, long millis) {
        return new RequestResult(
                a,
                Outcome.ANSWERED,
                200,
                model,
                OptionalLong.empty(),
                prompt,
                completion,
                Duration.ofMillis(millis),
                "");
    }

    private static SimulatorModelStats.Window window(long second, long requests, long tokens) {
        return new SimulatorModelStats.Window(T0.plusSeconds(second), requests, tokens, 0);
    }

    private static SimulatorModelStats.Window window(long second, long requests, long tokens, long rejected) {
        return new SimulatorModelStats.Window(T0.plusSeconds(second), requests, tokens, rejected);
    }

    private static SimulatorModelStats stats(List<SimulatorModelStats.Window> windows) {
        return new SimulatorModelStats(200, 400_000, 0, 0, 50, 199_000, Duration.ofSeconds(10), windows);
    }

    private static LimitsReport report() {
        Arrival a = new Arrival(0, Duration.ZERO, 100, 10, 0);
        List<RequestResult> results = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            results.add(answered(a, i % 2 == 0 ? "llama-3-8b" : "gpt-4o-mini", 100, 10, 10));
        }
        ClientTally tally = ClientTally.of(results);
        SimulatorModelStats cheap = stats(List.of(window(70, 10, 30_000), window(80, 11, 36_000, 2)));
        SimulatorModelStats cheapLocal =
                new SimulatorModelStats(200, 400_000, 12, 0, 50, 199_000, Duration.ofSeconds(10), cheap.windows());
        Utilization u = new Utilization(Duration.ofMinutes(2), 42, 396_000, 600, 200_000);
        ProbeResult probe = new ProbeResult(2, 503, "no_capacity", OptionalLong.of(2), 200, "llama-3-8b");
        RunResult redis = new RunResult(
                "redis",
                T0.plusSeconds(5),
                T0.plusSeconds(95),
                tally,
                cheap,
                SimulatorModelStats.NONE,
                u,
                new RoutingCounters(5, 5, 1, 5, 0, 5, 0, 10),
                probe);
        RunResult local = new RunResult(
                "local",
                T0.plusSeconds(5),
                T0.plusSeconds(95),
                tally,
                cheapLocal,
                SimulatorModelStats.NONE,
                u,
                new RoutingCounters(17, 0, 0, 0, 12, 5, 0, 10),
                probe);
        LimitsReport.Setup setup = new LimitsReport.Setup(
                "AzureLLMInferenceTrace_conv.csv",
                19366,
                new LoadShape(2, Duration.ofMinutes(3), 8192, 1024, 2),
                10,
                100,
                10,
                3.3,
                366.7,
                "llama-3-8b",
                "sim-weak",
                "gpt-4o-mini",
                600,
                200_000,
                64,
                2);
        ReservationLatency timing = new ReservationLatency(1, 20_000, new Percentiles(20_000, 0.09, 0.15, 1.0), 9_000);
        return new LimitsReport(
                "2025-01-01T00:00:00Z",
                "./aigw bench limits",
                "2 cores",
                setup,
                List.of(redis, local),
                List.of(timing),
                Duration.ofMinutes(10));
    }
}
