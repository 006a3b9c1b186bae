package io.aigw.bench.soak.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NativeMemoryTest {

    /** Abridged from a real {@code jcmd <pid> VM.native_memory summary scale=KB} of Java 17. */
    private static final String SUMMARY =
            """
            7518:

            Native Memory Tracking:

            (Omitting categories weighting less than 1KB)

            Total: reserved=1677175KB, committed=316463KB
                   malloc: 19559KB #86205
                   mmap:   reserved=1657616KB, committed=296904KB

            -                 Java Heap (reserved=262144KB, committed=262144KB)
                                        (mmap: reserved=262144KB, committed=262144KB)

            -                     Class (reserved=1048996KB, committed=2148KB)
                                        (classes #3734)
                                        (malloc=420KB #8272) (peak=420KB #8273)
                                        (    reserved=65536KB, committed=10560KB)

            -                      Code (reserved=253671KB, committed=7767KB)
            -               Arena Chunk (reserved=1024KB, committed=1024KB)
            """;

    @Test
    void shouldReadTheTotalAndEveryCategoryButNotTheirDetailLines() {
        NativeMemory memory = NativeMemory.parse(300, 400_000, SUMMARY);

        assertThat(memory.totalCommittedKb()).isEqualTo(316_463);
        assertThat(memory.committedKb())
                .containsOnly(
                        Map.entry("Java Heap", 262_144L),
                        Map.entry("Class", 2_148L),
                        Map.entry("Code", 7_767L),
                        Map.entry("Arena Chunk", 1_024L));
        assertThat(memory.outsideTrackingKb()).isEqualTo(400_000 - 316_463);
    }

    @Test
    void shouldRefuseOutputThatIsNotASummary() {
        assertThatThrownBy(() -> NativeMemory.parse(0, 0, "7518:\nNative memory tracking is not enabled\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a native memory summary");
    }

    @Test
    void shouldPutGrowthDownToTheCategoryThatGrew() {
        // an hour apart: Code grew by 10 MB, the heap did not, Class by less than the 0.5 MB/h floor
        NativeMemory start =
                new NativeMemory(0, 400_000, Map.of("Java Heap", 262_144L, "Code", 10_240L, "Class", 2_000L), 274_384);
        NativeMemory end = new NativeMemory(
                3600, 420_000, Map.of("Java Heap", 262_144L, "Code", 20_480L, "Class", 2_100L), 284_724);

        assertThat(SoakReport.categoryGrowth(List.of(start, end))).containsExactly(Map.entry("Code", 10.0));
    }

    @Test
    void shouldReportTrackedAndUntrackedGrowthPerService() {
        List<SoakSample> samples = List.of(
                new SoakSample("routing-service", 0, 400_000L * 1024, 1, 0, 10),
                new SoakSample("routing-service", 3600, 420_000L * 1024, 1, 0, 10));
        NativeMemory start = new NativeMemory(0, 400_000, Map.of("Code", 10_240L), 300_000);
        NativeMemory mid = new NativeMemory(1800, 410_000, Map.of("Code", 15_360L), 305_120);
        NativeMemory end = new NativeMemory(3600, 420_000, Map.of("Code", 20_480L), 310_240);

        SoakReport report = SoakReport.of(
                new SoakReport.Run("./aigw bench soak", "2026-12-01T00:00:00Z", 60, 0, 5, 5, "mix", "2 cores"),
                samples,
                List.of(),
                0,
                Map.of("routing-service", List.of(start, mid, end)));

        // tracked: +5,120 KB per half hour = 10 MB/h; beyond tracking: 100,000 → 109,760 KB
        assertThat(report.markdown())
                .contains("## Native memory after warm-up")
                .contains(
                        "| routing-service | 292.97 → 302.97 | 10.00 → 10.00 | 97.66 → 107.19 | 9.53 → 9.53 | Code 10.00 |");
        assertThat(report.json()).contains("\"category_growth_mb_per_hour\": {\"Code\": 10.00}");
    }
}
