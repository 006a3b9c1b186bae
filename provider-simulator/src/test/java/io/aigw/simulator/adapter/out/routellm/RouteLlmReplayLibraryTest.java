package io.aigw.simulator.adapter.out.routellm;

import static org.assertj.core.api.Assertions.assertThat;

import io.aigw.simulator.domain.ReplayAnswer;
import io.aigw.simulator.domain.ReplaySource;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RouteLlmReplayLibraryTest {

    private final RouteLlmReplayLibrary library = new RouteLlmReplayLibrary(fixture());

    @Test
    void shouldLoadGsm8kResponsesIncludingMultiLineQuotedFields() {
        assertThat(library.book().size()).isEqualTo(3);
        assertThat(library.find("How many eggs?", ReplaySource.WEAK))
                .contains(new ReplayAnswer(
                        " She has 16 - 3 = 13 eggs, so:\r\nshe sells \"nine\".\n#### 9", "gsm8k", true));
        assertThat(library.find("How many eggs?", ReplaySource.STRONG))
                .contains(new ReplayAnswer("It is 10.\n#### 10", "gsm8k", false));
        assertThat(library.find("Two, lines\nprompt", ReplaySource.STRONG)
                        .orElseThrow()
                        .text())
                .isEqualTo("strong says 2");
    }

    @Test
    void shouldLoadMmluLabels() {
        assertThat(library.find("Which?\nA. 1\nB. 2\nAnswer:", ReplaySource.WEAK))
                .contains(new ReplayAnswer("MMLU replay: correct", "mmlu", true));
    }

    @Test
    void shouldFindNothingWhenTheDataDirectoryIsMissing() {
        RouteLlmReplayLibrary missing = new RouteLlmReplayLibrary(Path.of("does/not/exist"));

        assertThat(missing.find("How many eggs?", ReplaySource.WEAK)).isEmpty();
        assertThat(missing.book().size()).isZero();
    }

    private static Path fixture() {
        try {
            return Path.of(RouteLlmReplayLibraryTest.class
                    .getResource("/replay/routellm")
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
