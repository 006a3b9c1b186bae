package io.aigw.bench.overhead.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BaselineComparisonTest {

    /** 10,000 requests in 5 s with the given CPU of routing and gateway, in µs. */
    private static LoadRun run(Target target, int conns, int round, long requests, long routing, long gateway) {
        return new LoadRun(
                target,
                conns,
                round,
                requests,
                0,
                5.0,
                1_000,
                2_000,
                3_000,
                new CpuSample(Map.of("routing", routing, "gateway", gateway), requests),
                Map.of("routing", 400 * 1024L));
    }

    @Test
    void shouldTakeTheRatioInEachRoundBeforeTheMedianWhenTheMachineDrifts() {
        // given: the machine's speed halves from round to round; this build always needs 10 % less CPU
        List<LoadRun> runs = List.of(
                run(Target.AIGW_MISS, 16, 0, 10_000, 9_000_000, 9_000_000),
                run(Target.AIGW_BASE, 16, 0, 10_000, 10_000_000, 10_000_000),
                run(Target.AIGW_BASE, 16, 1, 5_000, 10_000_000, 10_000_000),
                run(Target.AIGW_MISS, 16, 1, 5_000, 9_000_000, 9_000_000),
                run(Target.AIGW_MISS, 16, 2, 2_500, 9_000_000, 9_000_000),
                run(Target.AIGW_BASE, 16, 2, 2_500, 10_000_000, 10_000_000));

        // when
        List<BaselineComparison> comparisons = BaselineComparison.of(runs);

        // then: the pooled CPU per request would range 900–3,600 µs; the per-round ratio does not move
        assertThat(comparisons).hasSize(1);
        BaselineComparison c = comparisons.get(0);
        assertThat(c.connections()).isEqualTo(16);
        assertThat(c.cpuRatios()).containsExactly(0.9, 0.9, 0.9);
        assertThat(c.cpuRatio()).isEqualTo(0.9);
        assertThat(c.roundsCheaper()).isEqualTo(3);
        assertThat(c.requestsPerSecondRatio()).isEqualTo(1.0);
        assertThat(c.cpuRatioByProcess()).containsEntry("routing", 0.9).containsEntry("gateway", 0.9);
    }

    @Test
    void shouldCountOnlyRoundsWhereBothRanAndTellWhichProcessChanged() {
        // given: round 1 has no baseline run; only routing got cheaper, in one round of two dearer
        List<LoadRun> runs = List.of(
                run(Target.AIGW_MISS, 1, 0, 1_000, 800_000, 1_000_000),
                run(Target.AIGW_BASE, 1, 0, 1_000, 1_000_000, 1_000_000),
                run(Target.AIGW_MISS, 1, 1, 1_000, 800_000, 1_000_000),
                run(Target.AIGW_MISS, 1, 2, 1_000, 1_200_000, 1_000_000),
                run(Target.AIGW_BASE, 1, 2, 1_000, 1_000_000, 1_000_000),
                run(Target.AIGW_MISS, 64, 0, 1_000, 800_000, 1_000_000),
                run(Target.DIRECT, 64, 0, 1_000, 0, 0));

        // when
        List<BaselineComparison> comparisons = BaselineComparison.of(runs);

        // then: no comparison at 64 connections, two rounds at 1
        assertThat(comparisons).extracting(BaselineComparison::connections).containsExactly(1);
        BaselineComparison c = comparisons.get(0);
        assertThat(c.rounds()).isEqualTo(2);
        assertThat(c.cpuRatios()).containsExactly(0.9, 1.1);
        assertThat(c.roundsCheaper()).isEqualTo(1);
        assertThat(c.cpuRatioByProcess().get("routing")).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(c.cpuRatioByProcess()).containsEntry("gateway", 1.0);
    }

    @Test
    void shouldReportTheComparisonAndTheBaselinesOwnMemoryOnlyInAnABRun() {
        List<LoadRun> runs = List.of(
                run(Target.DIRECT, 16, 0, 10_000, 0, 0),
                run(Target.AIGW_MISS, 16, 0, 10_000, 9_000_000, 9_000_000),
                run(Target.AIGW_BASE, 16, 0, 10_000, 10_000_000, 10_000_000));
        OverheadReport ab = report(runs);
        OverheadReport plain = report(runs.subList(0, 2));

        String markdown = OverheadMarkdown.render(ab, "");
        String json = OverheadJson.render(ab);

        assertThat(markdown)
                .contains("## Against the baseline (A/B)")
                .contains("| 16 | 0.900 | 1 of 1 | 0.900 | 1.000 | gateway 0.900, routing 0.900 |")
                .contains("| baseline routing | 400 |")
                .contains("| routing | 400 |");
        assertThat(json).contains("\"baseline_comparison\"").contains("\"cpu_ratio_median\" : 0.9");
        assertThat(OverheadMarkdown.render(plain, "")).doesNotContain("Against the baseline");
        assertThat(OverheadJson.render(plain)).doesNotContain("baseline_comparison");
    }

    private static OverheadReport report(List<LoadRun> runs) {
        return new OverheadReport(
                "2026-12-02T00:00:00Z",
                "./aigw bench overhead --baseline-java-opts -Xmx256m",
                "2 cores",
                OverheadReport.MachineLoad.parse("1 1 1"),
                OverheadReport.MachineLoad.parse("1 1 1"),
                List.of(),
                1,
                6,
                0,
                LoadSummary.of(runs),
                List.of(),
                BaselineComparison.of(runs),
                Map.of(),
                Map.of(),
                Duration.ofMinutes(1));
    }
}
