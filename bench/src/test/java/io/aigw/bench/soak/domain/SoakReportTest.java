package io.aigw.bench.soak.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SoakReportTest {

    private static final SoakReport.Run RUN =
            new SoakReport.Run("./aigw bench soak", "2026-12-01T00:00:00Z", 10, 2, 20, 5, "mix", "2 cores");

    @Test
    void shouldFitTheSlopePerHourOfALine() {
        Slope slope =
                Slope.fit(List.of(new Slope.Point(0, 100), new Slope.Point(1800, 101), new Slope.Point(3600, 102)));

        assertThat(slope.perHour()).isCloseTo(2.0, within(1e-9));
        assertThat(slope.rSquared()).isCloseTo(1.0, within(1e-9));
        assertThat(slope.mean()).isCloseTo(101.0, within(1e-9));
    }

    @Test
    void shouldCallAFlatSeriesFlatAndAGrowingOneNot() {
        assertThat(SoakReport.flat(new Slope(5, 0.1, 300, 10))).isTrue();
        assertThat(SoakReport.flat(new Slope(50, 0.9, 300, 10))).isFalse();
        // 3 % of a large mean is still flat
        assertThat(SoakReport.flat(new Slope(20, 0.9, 1000, 10))).isTrue();
    }

    @Test
    void shouldLeaveTheWarmUpOutAndFlagGrowingMemory() {
        List<SoakSample> samples = new ArrayList<>();
        for (int t = 0; t <= 600; t += 10) {
            // gateway: a steep start during warm-up, flat after; routing: grows 1 MB a minute throughout
            long gateway = t < 120 ? (200 + t) * 1_048_576L : 320 * 1_048_576L;
            long routing = 300 * 1_048_576L + t * 1_048_576L / 60;
            samples.add(new SoakSample("gateway-service", t, gateway, gateway / 2, 0, 40));
            samples.add(new SoakSample("routing-service", t, routing, routing / 2, 0, 50));
        }
        List<SoakWindow> windows = List.of(
                new SoakWindow(120, 100, 99, 30, 10, 0),
                new SoakWindow(300, 100, 99, 30, 10, 0),
                new SoakWindow(480, 100, 99, 30, 10, 0),
                new SoakWindow(600, 100, 99, 30, 10, 0));

        SoakReport report = SoakReport.of(RUN, samples, windows, 120);

        assertThat(report.passed()).isFalse();
        assertThat(report.errorsGrew()).isFalse();
        assertThat(report.markdown())
                .contains("| gateway-service | 160.00 | 0.00 |")
                .contains("| routing-service |")
                .contains("**no**")
                .contains("Verdict: **NOT flat**");
        assertThat(report.json()).contains("\"rss_slope_mb_per_hour\": 60.00").contains("\"passed\": false");
    }

    @Test
    void shouldFlagErrorsThatGrowInTheSecondHalf() {
        List<SoakWindow> windows = List.of(
                new SoakWindow(60, 100, 100, 0, 0, 0),
                new SoakWindow(120, 100, 100, 0, 0, 0),
                new SoakWindow(180, 100, 95, 0, 0, 5),
                new SoakWindow(240, 100, 90, 0, 0, 10));

        SoakReport report = SoakReport.of(RUN, List.of(), windows, 0);

        assertThat(report.errorsGrew()).isTrue();
        assertThat(report.passed()).isFalse();
    }

    @Test
    void shouldJudgeTheHeapByItsLiveDataWhenFullCollectionsWereSeen() {
        List<SoakSample> samples = new ArrayList<>();
        for (int t = 0; t <= 3600; t += 60) {
            // a sawtooth of used heap that happens to rise over the window; live data after GC flat
            long used = (100 + (t / 60) % 10 * 5 + t / 120) * 1_048_576L;
            samples.add(new SoakSample("routing-service", t, 400 * 1_048_576L, used, 60 * 1_048_576L, 20));
        }

        SoakReport report = SoakReport.of(RUN, samples, List.of(), 0);

        assertThat(report.passed()).isTrue();
        assertThat(report.markdown()).contains("| yes |");
    }

    @Test
    void shouldShowButNotJudgeTheProviderSimulator() {
        List<SoakSample> samples = new ArrayList<>();
        for (int t = 0; t <= 3600; t += 60) {
            samples.add(new SoakSample("gateway-service", t, 400 * 1_048_576L, 80 * 1_048_576L, 60 * 1_048_576L, 20));
            // the simulator's RSS grows 60 MB/h
            samples.add(new SoakSample(
                    "provider-simulator", t, (300 + t / 60) * 1_048_576L, 80 * 1_048_576L, 60 * 1_048_576L, 16));
        }

        SoakReport report = SoakReport.of(RUN, samples, List.of(), 0);

        assertThat(report.passed()).isTrue();
        assertThat(report.markdown()).contains("no (not judged: the test's provider)");
    }
}
