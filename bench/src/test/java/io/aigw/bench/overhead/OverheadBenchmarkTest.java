package io.aigw.bench.overhead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aigw.bench.overhead.domain.CpuSample;
import io.aigw.bench.overhead.domain.Goals;
import io.aigw.bench.overhead.domain.Latency;
import io.aigw.bench.overhead.domain.LoadRun;
import io.aigw.bench.overhead.domain.LoadSummary;
import io.aigw.bench.overhead.domain.Medians;
import io.aigw.bench.overhead.domain.OverheadMarkdown;
import io.aigw.bench.overhead.domain.StreamRun;
import io.aigw.bench.overhead.domain.StreamSummary;
import io.aigw.bench.overhead.domain.Target;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OverheadBenchmarkTest {

    private static final Map<String, String> POSTGRES =
            Map.of("AIGW_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/aigw_test?user=postgres");

    private static LoadRun run(Target target, int conns, int round, long p50, long p99, long cpuMicros) {
        return new LoadRun(
                target,
                conns,
                round,
                10_000,
                0,
                5.0,
                p50,
                p50 * 2,
                p99,
                new CpuSample(Map.of("gateway", cpuMicros), 10_000),
                Map.of("gateway", 300 * 1024L));
    }

    @Test
    void shouldTakeTheAddedLatencyPerRoundBeforeTheMedianWhenRoundsDrift() {
        // given: the machine gets slower every round; the gateway always adds 500 µs over direct
        List<LoadRun> runs = List.of(
                run(Target.DIRECT, 16, 0, 300, 1_000, 0),
                run(Target.AIGW_MISS, 16, 0, 800, 3_000, 2_000_000),
                run(Target.DIRECT, 16, 1, 1_300, 9_000, 0),
                run(Target.AIGW_MISS, 16, 1, 1_800, 12_000, 3_000_000),
                run(Target.DIRECT, 16, 2, 2_300, 5_000, 0),
                run(Target.AIGW_MISS, 16, 2, 2_800, 6_000, 4_000_000));

        // when
        LoadSummary miss =
                LoadSummary.find(LoadSummary.of(runs), Target.AIGW_MISS, 16).orElseThrow();

        // then
        assertThat(miss.addedP50Millis()).isEqualTo(0.5);
        assertThat(miss.addedP99Millis()).isEqualTo(2.0);
        assertThat(miss.cpuMicrosPerRequest()).isEqualTo(300.0);
        assertThat(miss.requestsPerSecond()).isEqualTo(2_000.0);
        assertThat(miss.maxRssMib()).containsEntry("gateway", 300.0);
    }

    @Test
    void shouldMeetTheThroughputGoalOnlyAtFiveTimesPortkey() {
        List<LoadRun> runs = List.of(
                run(Target.DIRECT, 64, 0, 300, 1_000, 0),
                new LoadRun(
                        Target.PORTKEY,
                        64,
                        0,
                        5_000,
                        0,
                        5.0,
                        40_000,
                        60_000,
                        90_000,
                        new CpuSample(Map.of("portkey", 1L), 5_000),
                        Map.of()),
                new LoadRun(
                        Target.AIGW_MISS,
                        64,
                        0,
                        24_000,
                        0,
                        5.0,
                        2_000,
                        3_000,
                        9_000,
                        new CpuSample(Map.of("gateway", 1L), 24_000),
                        Map.of()));

        List<Goals.Goal> goals = Goals.check(LoadSummary.of(runs), List.of());

        assertThat(goals.get(0).measured()).startsWith("4.8×");
        assertThat(goals.get(0).met()).contains(false);
    }

    @Test
    void shouldCompareStreamsWithDirectInTheSameRound() {
        List<StreamRun> runs = List.of(
                new StreamRun(
                        Target.DIRECT,
                        1,
                        0,
                        100,
                        0,
                        new Latency(100, 1_000, 1_200, 1_500),
                        new Latency(100, 40_000, 41_000, 42_000)),
                new StreamRun(
                        Target.AIGW_MISS,
                        1,
                        0,
                        100,
                        0,
                        new Latency(100, 2_500, 2_900, 3_500),
                        new Latency(100, 42_000, 43_000, 44_000)));

        StreamSummary aigw =
                StreamSummary.find(StreamSummary.of(runs), Target.AIGW_MISS, 1).orElseThrow();

        assertThat(aigw.addedTtftP50Millis()).isEqualTo(1.5);
        assertThat(aigw.addedTotalP50Millis()).isEqualTo(2.0);
    }

    @Test
    void shouldTakeNearestRankPercentilesInMicroseconds() {
        long[] nanos = new long[100];
        for (int i = 0; i < 100; i++) {
            nanos[i] = (100 - i) * 1_000_000L;
        }

        Latency latency = Latency.ofNanos(nanos);

        assertThat(latency.p50Micros()).isEqualTo(50_000);
        assertThat(latency.p99Micros()).isEqualTo(99_000);
        assertThat(Medians.of(3.0, 1.0, Double.NaN, 2.0)).isEqualTo(2.0);
    }

    @Test
    void shouldKeepTheHandWrittenAnalysisWhenARunRewritesTheReport() {
        String existing = "# old figures\n" + OverheadMarkdown.KEPT_MARKER + "\n\n## Analysis\n\nthe profile says X\n";

        assertThat(OverheadMarkdown.keptPart(existing)).isEqualTo("\n## Analysis\n\nthe profile says X\n");
        assertThat(OverheadMarkdown.keptPart("# no marker")).isEmpty();
    }

    @Test
    void shouldWriteToTheBuildDirectoryWhenAnOptionIsNotTheDefault() {
        OverheadBenchOptions quick = OverheadBenchOptions.parse(
                new String[] {"--rounds", "1", "--connections", "64,16", "--targets", "aigw-miss"},
                POSTGRES,
                Path.of("/repo"));
        OverheadBenchOptions full = OverheadBenchOptions.parse(new String[0], POSTGRES, Path.of("/repo"));

        assertThat(quick.out()).isEqualTo(Path.of("/repo/bench/target/benchmarks"));
        assertThat(quick.connections()).containsExactly(16, 64);
        assertThat(quick.targets()).containsExactly(Target.DIRECT, Target.AIGW_MISS);
        assertThat(quick.commandLine())
                .isEqualTo("./aigw bench overhead --rounds 1 --connections 64,16 --targets aigw-miss");
        assertThat(full.out()).isEqualTo(Path.of("/repo/docs/benchmarks"));
        assertThat(full.duration()).isEqualTo(Duration.ofSeconds(6));
        assertThatThrownBy(
                        () -> OverheadBenchOptions.parse(new String[] {"--duration", "5"}, POSTGRES, Path.of("/repo")))
                .hasMessageContaining("--duration");
    }

    @Test
    void shouldProfileOnlyTheMissPathAndRunNothingWithoutRoundsOrProfile() {
        OverheadBenchOptions profileOnly = OverheadBenchOptions.parse(
                new String[] {"--rounds", "0", "--profile", "20s", "--targets", "aigw-miss"}, POSTGRES, Path.of("/r"));

        assertThat(profileOnly.rounds()).isZero();
        assertThat(profileOnly.profile()).isEqualTo(Duration.ofSeconds(20));
        assertThat(OverheadBenchOptions.parse(new String[0], POSTGRES, Path.of("/r"))
                        .profile())
                .isZero();
        assertThatThrownBy(() -> OverheadBenchOptions.parse(new String[] {"--rounds", "0"}, POSTGRES, Path.of("/r")))
                .hasMessageContaining("--profile");
        assertThatThrownBy(() -> OverheadBenchOptions.parse(
                        new String[] {"--profile", "5s", "--targets", "aigw-hit"}, POSTGRES, Path.of("/r")))
                .hasMessageContaining("aigw-miss");
    }

    @Test
    void shouldProfileWithJfrUnlessAsyncProfilerIsAskedForAndThere() {
        String[] async = {"--rounds", "0", "--profile", "20s", "--profiler", "async"};
        Map<String, String> withLibrary = new java.util.HashMap<>(POSTGRES);
        withLibrary.put(OverheadBenchOptions.ASYNC_PROFILER_ENV, "/tools/libasyncProfiler.so");

        assertThat(OverheadBenchOptions.parse(new String[] {"--profile", "20s"}, POSTGRES, Path.of("/r"))
                        .profiler())
                .isEqualTo(OverheadBenchOptions.ProfilerKind.JFR);
        assertThat(OverheadBenchOptions.parse(async, withLibrary, Path.of("/r")).profiler())
                .isEqualTo(OverheadBenchOptions.ProfilerKind.ASYNC);
        assertThat(OverheadBenchOptions.ProfilerKind.ASYNC.report()).isEqualTo("profile-async");
        assertThatThrownBy(() -> OverheadBenchOptions.parse(async, POSTGRES, Path.of("/r")))
                .hasMessageContaining("ensure-bench-tools.sh");
        assertThatThrownBy(() ->
                        OverheadBenchOptions.parse(new String[] {"--profiler", "async"}, withLibrary, Path.of("/r")))
                .hasMessageContaining("--profile");
        assertThatThrownBy(() -> OverheadBenchOptions.parse(
                        new String[] {"--profile", "20s", "--profiler", "perf"}, POSTGRES, Path.of("/r")))
                .hasMessageContaining("jfr or async");
    }

    @Test
    void shouldPutBillingsLedgerInThePostgresOfTheTestInfrastructureUnlessToldH2() {
        OverheadBenchOptions fromEnv = OverheadBenchOptions.parse(new String[0], POSTGRES, Path.of("/repo"));
        OverheadBenchOptions h2 =
                OverheadBenchOptions.parse(new String[] {"--postgres", "h2"}, POSTGRES, Path.of("/repo"));
        OverheadBenchOptions given = OverheadBenchOptions.parse(
                new String[] {"--postgres", "jdbc:postgresql://127.0.0.1:5433/other"}, Map.of(), Path.of("/repo"));

        assertThat(fromEnv.postgres()).isEqualTo(POSTGRES.get("AIGW_TEST_POSTGRES_URL"));
        assertThat(h2.postgres()).isNull();
        assertThat(h2.out()).isEqualTo(Path.of("/repo/bench/target/benchmarks"));
        assertThat(given.postgres()).isEqualTo("jdbc:postgresql://127.0.0.1:5433/other");
        assertThat(given.out()).isEqualTo(Path.of("/repo/docs/benchmarks"));
        assertThatThrownBy(() -> OverheadBenchOptions.parse(new String[0], Map.of(), Path.of("/repo")))
                .hasMessageContaining("ensure-test-infra.sh")
                .hasMessageContaining("--postgres h2");
    }

    @Test
    void shouldRunTheBaselineTargetExactlyWhenABaselineIsGiven(@TempDir Path other) {
        // given / when
        OverheadBenchOptions plain = OverheadBenchOptions.parse(new String[0], POSTGRES, Path.of("/repo"));
        OverheadBenchOptions options = OverheadBenchOptions.parse(
                new String[] {"--baseline-java-opts", " -Xmx256m  -Dreactor.netty.ioWorkerCount=1 "}, POSTGRES, other);
        OverheadBenchOptions checkout = OverheadBenchOptions.parse(
                new String[] {"--baseline", other.toString(), "--targets", "aigw-miss"}, POSTGRES, Path.of("/repo"));

        // then
        assertThat(plain.targets()).doesNotContain(Target.AIGW_BASE);
        assertThat(plain.baseline()).isEmpty();
        OverheadBenchOptions.Baseline opts = options.baseline().orElseThrow();
        assertThat(opts.root()).isEqualTo(other);
        assertThat(opts.javaOpts()).contains(List.of("-Xmx256m", "-Dreactor.netty.ioWorkerCount=1"));
        assertThat(options.commandLine())
                .isEqualTo(
                        "./aigw bench overhead --baseline-java-opts \" -Xmx256m  -Dreactor.netty.ioWorkerCount=1 \"");
        assertThat(options.targets()).endsWith(Target.AIGW_BASE);
        assertThat(checkout.targets()).containsExactly(Target.DIRECT, Target.AIGW_MISS, Target.AIGW_BASE);
        assertThat(checkout.baseline().orElseThrow().javaOpts()).isEmpty();
        assertThat(checkout.out()).isEqualTo(Path.of("/repo/bench/target/benchmarks"));
        assertThatThrownBy(() -> OverheadBenchOptions.parse(
                        new String[] {"--targets", "aigw-miss,aigw-base"}, POSTGRES, Path.of("/repo")))
                .hasMessageContaining("--baseline");
        assertThatThrownBy(() -> OverheadBenchOptions.parse(
                        new String[] {"--baseline", other.resolve("missing").toString()}, POSTGRES, Path.of("/repo")))
                .hasMessageContaining("checkout");
        assertThatThrownBy(() -> OverheadBenchOptions.parse(
                        new String[] {"--baseline-java-opts", " "}, POSTGRES, Path.of("/repo")))
                .hasMessageContaining("JVM options");
    }
}
