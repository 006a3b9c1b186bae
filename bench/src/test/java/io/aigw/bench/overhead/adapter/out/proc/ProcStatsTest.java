package io.aigw.bench.overhead.adapter.out.proc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProcStatsTest {

    private static final long SELF = ProcessHandle.current().pid();
    /** Above Linux's largest PID (2^22): never a process. */
    private static final long GONE = 5_000_000L;

    @Test
    void shouldSumAGroupOverTheProcessesStillThere() {
        long[] alone = ProcStats.cpuSplitMicros(SELF);
        long[] group = ProcStats.cpuSplitMicros(List.of(SELF, GONE));

        assertThat(alone[0]).isNotNegative();
        // this JVM keeps running between the two reads: never less
        assertThat(group[0]).isGreaterThanOrEqualTo(alone[0]);
        assertThat(ProcStats.rssKib(List.of(SELF, GONE))).isPositive();
    }

    @Test
    void shouldSayUnreadableWhenNoProcessOfTheGroupIsThere() {
        assertThat(ProcStats.cpuSplitMicros(List.of(GONE))).containsExactly(-1, -1);
        assertThat(ProcStats.cpuMicros(List.of())).isEqualTo(-1);
        assertThat(ProcStats.rssKib(List.of(GONE))).isEqualTo(-1);
    }
}
