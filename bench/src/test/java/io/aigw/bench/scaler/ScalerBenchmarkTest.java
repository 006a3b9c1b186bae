package io.aigw.bench.scaler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aigw.bench.scaler.adapter.out.azure.AzureTraceFile;
import io.aigw.bench.scaler.domain.LoadProfile;
import io.aigw.bench.scaler.domain.Replay;
import io.aigw.bench.scaler.domain.ReplayConfig;
import io.aigw.bench.scaler.domain.RunResult;
import io.aigw.bench.scaler.domain.SimulatedCluster;
import io.aigw.bench.scaler.domain.Strategy;
import io.aigw.scaler.domain.Pod;
import java.io.StringReader;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The replay benchmark's pure parts: trace reading, time-scaling, the simulated cluster, the replay. */
class ScalerBenchmarkTest {

    @Test
    void shouldReadArrivalOffsetsWhenTheTraceHasSevenFractionDigits() throws Exception {
        // given
        String csv = "TIMESTAMP,ContextTokens,GeneratedTokens\n"
                + "2023-11-16 18:15:46.5000000,374,44\n"
                + "2023-11-16 18:15:48.0000000,396,109\n"
                + "2023-11-16 18:15:47.0000000,879,55\n";

        // when
        AzureTraceFile.Trace trace = AzureTraceFile.read(new StringReader(csv));

        // then
        assertThat(trace.offsets()).containsExactly(0.0, 0.5, 1.5);
        assertThat(trace.seconds()).isEqualTo(1.5 + 0.75);
    }

    @Test
    void shouldPlayTheTraceFasterAndLoopItWhenTheSpeedIsAboveOne() {
        // given one arrival per trace second over a 10 s trace, played at 2x for 10 s
        double[] offsets = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        LoadProfile profile = new LoadProfile(List.of(new LoadProfile.Segment("fast", 10, 2, 2)));

        // when
        int[] arrivals = profile.arrivals(offsets, 10);

        // then 20 trace seconds were played: the trace twice, 2 arrivals per simulated second
        assertThat(Arrays.stream(arrivals).sum()).isEqualTo(20);
        assertThat(arrivals).containsOnly(2);
    }

    @Test
    void shouldRemoveStartingPodsFirstWhenTheClusterScalesDown() {
        // given 2 ready pods and 2 starting ones
        SimulatedCluster cluster = new SimulatedCluster(2, 60);
        cluster.scale(4, 10);

        // when
        cluster.scale(3, 20);

        // then
        assertThat(cluster.pods(20)).extracting(Pod::ready).containsExactly(true, true, false);
        assertThat(cluster.ready(70)).isEqualTo(3);
    }

    @Test
    void shouldNeverBeOverCapacityWhenProvisionedStaticallyAtPeak() {
        // given a step from 2 to 20 req/s
        int[] arrivals = new int[600];
        Arrays.fill(arrivals, 0, 300, 2);
        Arrays.fill(arrivals, 300, 600, 20);
        Replay replay = new Replay(ReplayConfig.defaults(), arrivals);

        // when
        RunResult fixed = replay.run(Strategy.STATIC_PEAK, 60);
        RunResult hpa = replay.run(Strategy.HPA, 60);

        // then static holds 10 replicas throughout; HPA lags behind the step while pods start
        assertThat(fixed.peakReplicas()).isEqualTo(10);
        assertThat(fixed.overCapacityMinutes()).isZero();
        assertThat(fixed.replicaMinutes()).isEqualTo(100.0);
        assertThat(hpa.overCapacityMinutes()).isPositive();
        assertThat(hpa.replicaMinutes()).isLessThan(fixed.replicaMinutes());
        assertThat(hpa.scaleActions()).isPositive();
    }

    @Test
    void shouldReachLessOverCapacityWithTheForecastWhenLoadRampsSteadily() {
        // given a 10-minute linear ramp from 1 to 30 req/s
        int[] arrivals = new int[900];
        for (int t = 0; t < arrivals.length; t++) {
            arrivals[t] = 1 + Math.min(29, t * 29 / 600);
        }
        Replay replay = new Replay(ReplayConfig.defaults(), arrivals);

        // when
        RunResult hpa = replay.run(Strategy.HPA, 180);
        RunResult scaler = replay.run(Strategy.SCALER, 180);

        // then
        assertThat(scaler.overCapacityRequests()).isLessThan(hpa.overCapacityRequests());
    }

    @Test
    void shouldRejectAStartupDelayOutsideThirtyToThreeHundredSecondsWhenConfigured() {
        assertThatThrownBy(() -> new ReplayConfig(2, 0.7, 15, 30, 10, List.of(10), 60, 0.5, 0.2))
                .hasMessageContaining("[30, 300]");
    }
}
