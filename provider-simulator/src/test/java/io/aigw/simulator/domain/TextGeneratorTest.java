package io.aigw.simulator.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextGeneratorTest {

    private final TokenCounter tokens = new TokenCounter();
    private final TextGenerator generator = new TextGenerator(tokens);

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 32, 120, 1000})
    void shouldGenerateFillerOfExactlyTheProfileLength(int outputTokens) {
        GeneratedText text = generator.generate("prompt", null, outputTokens, null);

        assertThat(text.completionTokens()).isEqualTo(outputTokens);
        assertThat(tokens.count(text.text())).isEqualTo(outputTokens);
        assertThat(text.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(String.join("", text.pieces())).isEqualTo(text.text());
    }

    @Test
    void shouldCutAtMaxTokensAndSayLength() {
        GeneratedText text = generator.generate("prompt", null, 100, 10);

        assertThat(text.completionTokens()).isEqualTo(10);
        assertThat(text.finishReason()).isEqualTo(FinishReason.LENGTH);
    }

    @Test
    void shouldStopNormallyWhenMaxTokensIsNotReached() {
        GeneratedText text = generator.generate("prompt", null, 10, 10);

        assertThat(text.completionTokens()).isEqualTo(10);
        assertThat(text.finishReason()).isEqualTo(FinishReason.STOP);
    }

    @Test
    void shouldReplayARecordedAnswerWhateverTheProfileLength() {
        String recorded = "She makes 9 * $2 = $18 every day.";

        GeneratedText whole = generator.generate("prompt", recorded, 3, null);
        GeneratedText cut = generator.generate("prompt", recorded, 3, 4);

        assertThat(whole.text()).isEqualTo(recorded);
        assertThat(whole.completionTokens()).isEqualTo(tokens.count(recorded));
        assertThat(cut.completionTokens()).isEqualTo(4);
        assertThat(recorded).startsWith(cut.text());
        assertThat(cut.finishReason()).isEqualTo(FinishReason.LENGTH);
    }

    @Test
    void shouldBeDeterministicPerPrompt() {
        assertThat(generator.generate("a", null, 50, null)).isEqualTo(generator.generate("a", null, 50, null));
        assertThat(generator.generate("", null, 0, null).text()).isEmpty();
    }
}
