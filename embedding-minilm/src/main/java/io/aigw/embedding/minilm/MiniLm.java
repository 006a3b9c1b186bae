package io.aigw.embedding.minilm;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * all-MiniLM-L6-v2: 384-dimensional unit-length sentence embeddings, in-process.
 *
 * <p>langchain4j's own {@code AllMiniLmL6V2EmbeddingModel} reads the 90 MB model from the jar into a
 * byte array and hands that to ONNX Runtime, which copies it again natively: at start-up the heap
 * briefly needs twice the model, and a 256 MB heap is not enough. Here the model and its tokenizer
 * are copied once, streamed, into a directory on disk (by default under {@code java.io.tmpdir}) and
 * ONNX Runtime reads them by path: the model lives only in native memory.
 */
public final class MiniLm {

    public static final int DIMENSIONS = 384;

    static final String BLANK = ".";

    static final String MODEL_RESOURCE = "all-minilm-l6-v2.onnx";

    static final String TOKENIZER_RESOURCE = "all-minilm-l6-v2-tokenizer.json";

    private final EmbeddingModel model;

    private MiniLm(EmbeddingModel model) {
        this.model = model;
    }

    /** Loads the model through a directory under {@code java.io.tmpdir}. */
    public static MiniLm load() {
        return load(Path.of(System.getProperty("java.io.tmpdir"), "aigw-minilm-l6-v2"));
    }

    /**
     * Loads the model, copying it into {@code directory} first unless a complete copy is there.
     *
     * @throws UncheckedIOException when the directory cannot be written
     */
    public static MiniLm load(Path directory) {
        try {
            Path model = ModelFiles.materialize(MODEL_RESOURCE, directory);
            Path tokenizer = ModelFiles.materialize(TOKENIZER_RESOURCE, directory);
            return new MiniLm(new OnnxEmbeddingModel(model, tokenizer, PoolingMode.MEAN));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the MiniLM model files in " + directory, e);
        }
    }

    /**
     * The embedding of {@code text} scaled to unit length. langchain4j refuses blank text (even a
     * space), so a blank text is embedded as {@value #BLANK}: one fixed point for every blank prompt.
     */
    public float[] embed(String text) {
        float[] vector = model.embed(text.isBlank() ? BLANK : text).content().vector();
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        double length = Math.sqrt(norm);
        if (length > 0) {
            for (int i = 0; i < vector.length; i++) {
                vector[i] = (float) (vector[i] / length);
            }
        }
        return vector;
    }

    /** Copies classpath resources to files, once, safely when several processes race. */
    static final class ModelFiles {

        private ModelFiles() {}

        static Path materialize(String resource, Path directory) throws IOException {
            long size = resourceSize(resource);
            Path target = directory.resolve(resource);
            // the size tells a complete copy from one a killed process left (and a new model version
            // from an old one: a different file is a different size in practice); a classpath that
            // cannot tell the size gets a fresh copy every time
            if (size >= 0 && Files.isRegularFile(target) && Files.size(target) == size) {
                return target;
            }
            Files.createDirectories(directory);
            Path partial = Files.createTempFile(directory, resource, ".part");
            try (InputStream in = open(resource)) {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
            return target;
        }

        private static long resourceSize(String resource) throws IOException {
            var url = MiniLm.class.getClassLoader().getResource(resource);
            if (url == null) {
                throw new IOException("resource " + resource + " is not on the classpath");
            }
            return url.openConnection().getContentLengthLong();
        }

        private static InputStream open(String resource) throws IOException {
            InputStream in = MiniLm.class.getClassLoader().getResourceAsStream(resource);
            if (in == null) {
                throw new IOException("resource " + resource + " is not on the classpath");
            }
            return in;
        }
    }
}
