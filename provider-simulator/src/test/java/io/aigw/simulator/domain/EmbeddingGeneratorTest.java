package io.aigw.simulator.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EmbeddingGeneratorTest {

    private final EmbeddingGenerator generator = new EmbeddingGenerator();

    @Test
    void shouldGiveTheSameUnitVectorForTheSameText() {
        float[] first = generator.embed("the same text", 384);
        float[] second = new EmbeddingGenerator().embed("the same text", 384);

        assertThat(first).hasSize(384).containsExactly(second);
        assertThat(norm(first)).isCloseTo(1.0, within(1e-5));
    }

    @Test
    void shouldGiveUnrelatedVectorsForDifferentTexts() {
        float[] a = generator.embed("a cat", 384);
        float[] b = generator.embed("a dog", 384);

        assertThat(Math.abs(dot(a, b))).isLessThan(0.3);
    }

    @Test
    void shouldHonourDimensions() {
        assertThat(generator.embed("x", 16)).hasSize(16);
        assertThat(norm(generator.embed("x", 16))).isCloseTo(1.0, within(1e-5));
    }

    private static double norm(float[] v) {
        return Math.sqrt(dot(v, v));
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
