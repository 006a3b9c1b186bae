package io.aigw.bench.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.aigw.bench.routing.domain.Dataset;
import io.aigw.bench.routing.domain.LabeledPrompt;
import io.aigw.bench.routing.domain.LearnedReport;
import io.aigw.bench.routing.domain.Reply;
import io.aigw.bench.routing.domain.RouterCurve;
import io.aigw.bench.routing.domain.RouterCurve.Outcome;
import io.aigw.bench.routing.domain.TracedReply;
import io.aigw.bench.routing.domain.TrainTestSplit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The learned benchmark's pure parts: the split, the threshold sweep, the header, the report splicing. */
class LearnedBenchmarkTest {

    private static LabeledPrompt prompt(String source, int i) {
        return LabeledPrompt.labelsOnly(Dataset.MMLU, source, source + i, true, true);
    }

    @Test
    void shouldSplitEachSourceInItsShareWhenSplittingWithASeed() {
        // given: 10 prompts of subject a, 20 of subject b
        List<LabeledPrompt> prompts = new ArrayList<>();
        IntStream.range(0, 10).forEach(i -> prompts.add(prompt("a", i)));
        IntStream.range(0, 20).forEach(i -> prompts.add(prompt("b", i)));

        // when
        TrainTestSplit split = TrainTestSplit.of(prompts, 0.7, 42);

        // then
        assertThat(split.train().stream().filter(p -> p.source().equals("a"))).hasSize(7);
        assertThat(split.train().stream().filter(p -> p.source().equals("b"))).hasSize(14);
        assertThat(split.test()).hasSize(9).doesNotContainAnyElementsOf(split.train());
        assertThat(TrainTestSplit.of(prompts, 0.7, 42)).isEqualTo(split);
    }

    @Test
    void shouldSweepEveryThresholdAndIntegratePgrWhenBuildingTheCurve() {
        // given: four prompts; weak right on 1 and 2, strong right on all; the router scores prompt 3 and 4
        // (the ones weak gets wrong) lowest
        List<Outcome> outcomes = List.of(
                new Outcome(0.9, true, true, 1, 10),
                new Outcome(0.8, true, true, 1, 10),
                new Outcome(0.2, false, true, 1, 10),
                new Outcome(0.1, false, true, 1, 10));

        // when
        RouterCurve curve = RouterCurve.of(outcomes);

        // then: weak 0.5, strong 1.0; sending the two lowest strong recovers the whole gap at 50 %
        assertThat(curve.weakAccuracy()).isEqualTo(0.5);
        assertThat(curve.strongAccuracy()).isEqualTo(1.0);
        assertThat(curve.points())
                .extracting(RouterCurve.Point::strongShare)
                .containsExactly(0.0, 0.25, 0.5, 0.75, 1.0);
        assertThat(curve.points()).extracting(RouterCurve.Point::pgr).containsExactly(0.0, 0.5, 1.0, 1.0, 1.0);
        // trapezoids: 0.25 * (0 + .5) / 2 + 0.25 * (.5 + 1) / 2 + 0.25 + 0.25
        assertThat(curve.apgr()).isCloseTo(0.75, within(1e-12));
        assertThat(curve.cheapestReaching(0.5).orElseThrow().strongShare()).isEqualTo(0.25);
        assertThat(curve.cheapestReaching(0.8).orElseThrow().strongShare()).isEqualTo(0.5);
        // cost at 50 % strong: (10 + 10 + 1 + 1) / 4 * 1000
        assertThat(curve.cheapestReaching(0.8).orElseThrow().costPer1k()).isCloseTo(5500, within(1e-9));
        // a threshold of 0.5 sends the prompts scored below it strong
        assertThat(curve.at(0.5).strongShare()).isEqualTo(0.5);
        assertThat(curve.at(0.05).strongShare()).isEqualTo(0.0);
        assertThat(curve.at(0.95).strongShare()).isEqualTo(1.0);
    }

    @Test
    void shouldGiveARandomRoutersApgrWhenScoresCarryNoInformation() {
        // given: every prompt scores the same, so the only thresholds are all-weak and all-strong
        List<Outcome> outcomes = List.of(new Outcome(0.5, true, true, 1, 2), new Outcome(0.5, false, true, 1, 2));

        // when / then: a straight line from (0, 0) to (1, 1)
        assertThat(RouterCurve.of(outcomes).apgr()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void shouldReadTheTierScoreWhenTheHeaderHasIt() {
        TracedReply reply = new TracedReply(Reply.failed("x"), "r1", "1=0.6234,3=0.8811");

        assertThat(reply.tierScore(1).getAsDouble()).isEqualTo(0.6234);
        assertThat(reply.tierScore(3).getAsDouble()).isEqualTo(0.8811);
        assertThat(reply.tierScore(2)).isEmpty();
        assertThat(new TracedReply(Reply.failed("x"), "", "").tierScore(1)).isEmpty();
    }

    @Test
    void shouldReadTheThresholdWhenTheHeaderHasIt() {
        assertThat(new TracedReply(Reply.failed("x"), "r1", "1=0.6,3=0.8", "0.2140")
                        .threshold()
                        .getAsDouble())
                .isEqualTo(0.214);
        assertThat(new TracedReply(Reply.failed("x"), "r1", "").threshold()).isEmpty();
    }

    @Test
    void shouldTurnTheTargetIntoTheGroupsConfigurationWhenParsed() {
        RoutingBenchOptions defaults = RoutingBenchOptions.parse(new String[] {"--learned"}, Map.of(), Path.of("."));
        RoutingBenchOptions quality = RoutingBenchOptions.parse(
                new String[] {"--learned", "--target", "quality=0.8"}, Map.of(), Path.of("."));

        assertThat(defaults.targetJson()).isEqualTo("{\"top-tier-share\":0.3}");
        assertThat(quality.targetJson()).isEqualTo("{\"quality\":0.8}");
        assertThatThrownBy(() -> RoutingBenchOptions.parse(
                        new String[] {"--learned", "--target", "threshold=0.2"}, Map.of(), Path.of(".")))
                .hasMessage("--target must be top-tier-share=F or quality=F, was threshold=0.2");
        assertThatThrownBy(() -> RoutingBenchOptions.parse(
                        new String[] {"--learned", "--target", "quality=2"}, Map.of(), Path.of(".")))
                .hasMessageContaining("--target must be a number from 0 to 1, was 2");
    }

    @Test
    void shouldReplaceOnlyTheLearnedPartsWhenSplicingTheReports() {
        String md = "# Routing\n\ntable\n";
        String section = LearnedReport.BEGIN + "\nnew\n" + LearnedReport.END + "\n";

        String once = LearnedReport.spliceMarkdown(md, section);
        String twice = LearnedReport.spliceMarkdown(once, section.replace("new", "newer"));

        assertThat(once).isEqualTo("# Routing\n\ntable\n\n" + section);
        assertThat(twice).isEqualTo("# Routing\n\ntable\n\n" + section.replace("new", "newer"));
        assertThat(LearnedReport.sectionOf(twice)).contains(section.replace("new", "newer"));

        String json = "{\n  \"benchmark\": \"routing\"\n}\n";
        String withLearned = LearnedReport.spliceJson(json, "{\"a\": 1}");
        assertThat(withLearned).isEqualTo("{\n  \"benchmark\": \"routing\",\n  \"learned\": {\"a\": 1}\n}\n");
        assertThat(LearnedReport.spliceJson(withLearned, "{\"a\": 2}"))
                .isEqualTo("{\n  \"benchmark\": \"routing\",\n  \"learned\": {\"a\": 2}\n}\n");
        assertThat(LearnedReport.jsonValueOf(withLearned)).contains("{\"a\": 1}");
    }
}
