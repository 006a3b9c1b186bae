package io.aigw.simulator.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplayBookTest {

    private final ReplayBook book = ReplayBook.builder()
            .add("  What is 2+2?\n", new ReplayRecord("gsm8k", false, true, "5", "4"))
            .add("Pick one.\nA. x\nAnswer:", new ReplayRecord("mmlu", true, false, null, null))
            .build();

    @Test
    void shouldMatchPromptsAfterTrimming() {
        assertThat(book.find("What is 2+2?", ReplaySource.STRONG)).contains(new ReplayAnswer("4", "gsm8k", true));
        assertThat(book.find(" What is 2+2? ", ReplaySource.WEAK)).contains(new ReplayAnswer("5", "gsm8k", false));
        assertThat(book.find("What is 2+3?", ReplaySource.WEAK)).isEmpty();
        assertThat(book.find("What is 2+2?", ReplaySource.NONE)).isEmpty();
    }

    @Test
    void shouldStateTheLabelForMmluWhichHasNoRecordedResponses() {
        assertThat(book.find("Pick one.\nA. x\nAnswer:", ReplaySource.WEAK)
                        .orElseThrow()
                        .text())
                .isEqualTo("MMLU replay: correct");
        assertThat(book.find("Pick one.\nA. x\nAnswer:", ReplaySource.STRONG).orElseThrow())
                .isEqualTo(new ReplayAnswer("MMLU replay: incorrect", "mmlu", false));
    }
}
