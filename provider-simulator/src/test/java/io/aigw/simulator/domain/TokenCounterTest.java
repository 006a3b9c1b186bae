package io.aigw.simulator.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenCounterTest {

    private final TokenCounter tokens = new TokenCounter();

    @Test
    void shouldCountTextWithTheCl100kTokenizer() {
        // cl100k_base: "hello" + " world"
        assertThat(tokens.count("hello world")).isEqualTo(2);
        assertThat(tokens.count("")).isZero();
        assertThat(tokens.count("<|endoftext|>")).isGreaterThan(1);
    }

    @Test
    void shouldCountChatPromptsWithOpenAiMessageOverhead() {
        // given 2 messages; "system"/"user" are 1 token each, contents 2 and 2 tokens
        List<ChatMessage> messages =
                List.of(new ChatMessage("system", "be brief"), new ChatMessage("user", "hello world"));

        // then 3 (priming) + 2 * 3 (framing) + roles 2 + contents 4
        assertThat(tokens.countPrompt(messages))
                .isEqualTo(3 + 6 + 2 + tokens.count("be brief") + tokens.count("hello world"));
        assertThat(tokens.countPrompt(List.of(new ChatMessage("user", "hi", "bob"))))
                .isEqualTo(tokens.countPrompt(List.of(new ChatMessage("user", "hi"))) + 1 + tokens.count("bob"));
    }

    @Test
    void shouldSplitIntoPiecesThatJoinBackEvenAcrossMultiByteCharacters() {
        String text = "Grüße aus Köln 🙂🙂 — 東京 tokens";

        List<String> pieces = tokens.pieces(text);

        assertThat(String.join("", pieces)).isEqualTo(text);
        assertThat(pieces).hasSizeGreaterThan(5).noneMatch(piece -> piece.contains("\uFFFD"));
    }

    @Test
    void shouldCutToATokenBudget() {
        TokenCounter.Cut cut = tokens.cut("one two three four five six", 3);

        assertThat(cut.truncated()).isTrue();
        assertThat(cut.text()).isEqualTo("one two three");
        assertThat(tokens.cut("one two", 3)).isEqualTo(new TokenCounter.Cut("one two", false));
    }
}
