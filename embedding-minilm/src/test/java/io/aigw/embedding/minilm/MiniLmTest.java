package io.aigw.embedding.minilm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MiniLmTest {

    @TempDir
    Path directory;

    @Test
    void shouldCopyTheModelOnceAndReplaceAnIncompleteCopy() throws Exception {
        long size;
        try (InputStream in = MiniLm.class.getClassLoader().getResourceAsStream(MiniLm.TOKENIZER_RESOURCE)) {
            size = in.readAllBytes().length;
        }

        Path copy = MiniLm.ModelFiles.materialize(MiniLm.TOKENIZER_RESOURCE, directory);
        assertThat(Files.size(copy)).isEqualTo(size);

        FileTime old = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        Files.setLastModifiedTime(copy, old);
        MiniLm.ModelFiles.materialize(MiniLm.TOKENIZER_RESOURCE, directory);
        assertThat(Files.getLastModifiedTime(copy))
                .as("a complete copy is kept")
                .isEqualTo(old);

        Files.write(copy, new byte[] {'{'});
        MiniLm.ModelFiles.materialize(MiniLm.TOKENIZER_RESOURCE, directory);
        assertThat(Files.size(copy)).as("a truncated copy is replaced").isEqualTo(size);
        try (var files = Files.list(directory)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(MiniLm.TOKENIZER_RESOURCE);
        }
    }

    @Test
    void shouldEmbedToUnitLengthWithParaphrasesCloserThanStrangers() {
        MiniLm model = MiniLm.load(directory);

        float[] question = model.embed("How do I reset my password?");
        float[] paraphrase = model.embed("How can I change my password?");
        float[] stranger = model.embed("The capital of France is Paris.");
        float[] blank = model.embed("   ");

        assertThat(question).hasSize(MiniLm.DIMENSIONS);
        assertThat(dot(question, question)).isCloseTo(1.0, within(1e-4));
        assertThat(dot(blank, blank)).isCloseTo(1.0, within(1e-4));
        assertThat(model.embed("")).as("every blank text is the same point").containsExactly(blank);
        assertThat(dot(question, paraphrase)).isGreaterThan(dot(question, stranger) + 0.3);
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
