package io.aigw.bench.limits.adapter.out.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.aigw.bench.limits.domain.ReservationLatency;
import io.aigw.testsupport.TestInfrastructure;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The limits benchmark's timing runs routing's own scripts, read from routing's sources: against a
 * real Redis they must load and answer as routing loads them (with their shared head).
 */
class LettuceReservationTimingIT {

    /** Maven runs a module's tests in the module's directory. */
    private static final Path PROJECT_ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void shouldTimeEveryPairOfRoutingsReserveAndSettleScripts() {
        try (LettuceReservationTiming timing =
                new LettuceReservationTiming(TestInfrastructure.redis().url(), PROJECT_ROOT)) {
            ReservationLatency latency = timing.measure(2, 20, 2);

            assertThat(latency.iterations()).isEqualTo(20);
            assertThat(latency.pairsPerSecond()).isPositive();
        }
    }
}
