package io.aigw.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailTest {

    @TempDir
    Path dir;

    @Test
    void shouldReturnTheLastLines() throws IOException {
        Path log = dir.resolve("x.log");
        Files.writeString(
                log, IntStream.rangeClosed(1, 100).mapToObj(i -> "line " + i).collect(Collectors.joining("\n")) + "\n");

        assertThat(LogTail.lastLines(log, 3)).containsExactly("line 98", "line 99", "line 100");
        assertThat(LogTail.describe(log, 2))
                .contains("last 2 lines")
                .contains("line 100")
                .doesNotContain("line 98");
    }

    @Test
    void shouldReadOnlyTheEndOfAHugeLogAndDropTheCutLine() throws IOException {
        Path log = dir.resolve("big.log");
        Files.writeString(log, "x".repeat(200_000) + "\nlast\n");

        assertThat(LogTail.lastLines(log, 30)).containsExactly("last");
    }

    @Test
    void shouldCopeWithAMissingLog() {
        assertThat(LogTail.lastLines(dir.resolve("none.log"), 30)).isEmpty();
        assertThat(LogTail.describe(dir.resolve("none.log"), 30)).contains("is empty");
    }

    @Test
    void shouldRecognizeUpOnlyInAStatusField() {
        assertThat(ReadinessProbe.isUp("{\"status\":\"UP\",\"components\":{}}")).isTrue();
        assertThat(ReadinessProbe.isUp("{ \"status\" : \"UP\" }")).isTrue();
        assertThat(ReadinessProbe.isUp("{\"status\":\"OUT_OF_SERVICE\"}")).isFalse();
        assertThat(ReadinessProbe.isUp(null)).isFalse();
    }
}
