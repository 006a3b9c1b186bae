package io.aigw.routing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PricingAndTokenizerTest {

    @Test
    void shouldComputeExactDecimalCostWhenPricedPerMillionTokens() {
        Price gpt4oMini = new Price(new BigDecimal("0.15"), new BigDecimal("0.60"));

        assertThat(gpt4oMini.cost(1000, 500)).isEqualByComparingTo("0.00045");
        assertThat(gpt4oMini.cost(0, 0)).isEqualByComparingTo("0");
    }

    @ParameterizedTest
    @CsvSource({
        "gpt-4o-mini,O200K",
        "gpt-4o,O200K",
        "gpt-4.1-nano,O200K",
        "o3-mini,O200K",
        "gpt-5,O200K",
        "gpt-4,CL100K",
        "gpt-3.5-turbo,CL100K",
        "claude-3-5-sonnet,CL100K",
        "llama-3-8b,CL100K",
        "sim-weak,CL100K"
    })
    void shouldPickTheEncodingOfTheModelFamilyWhenEstimatingTokens(String model, Tokenizer expected) {
        assertThat(Tokenizer.forModel(model)).isEqualTo(expected);
    }

    @Test
    void shouldAddMessageFramingAndImagesWhenEstimatingPromptTokens() {
        TokenCounter chars = (tokenizer, text) -> text.length();
        Prompt prompt = new Prompt(List.of("user hi", "assistant ok"), 1, List.of("{}"));

        // 3 priming + (4 + 7) + (4 + 12) + 2 tool chars + 85 per image
        assertThat(prompt.estimateTokens(chars, Tokenizer.CL100K)).isEqualTo(3 + 11 + 16 + 2 + 85);
    }
}
