package io.aigw.cache.adapter.out.onnx;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import io.aigw.cache.application.TextEmbedder;

/**
 * all-MiniLM-L6-v2 (384 dimensions) run in-process with ONNX Runtime through langchain4j: the model
 * ships inside the jar, so embedding needs no network and no provider account.
 */
public final class MiniLmTextEmbedder implements TextEmbedder {

    public static final int DIMENSIONS = 384;

    private final EmbeddingModel model;

    public MiniLmTextEmbedder() {
        this.model = new AllMiniLmL6V2EmbeddingModel();
    }

    @Override
    public float[] embed(String text) {
        float[] vector = model.embed(text).content().vector();
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

    @Override
    public int dimensions() {
        return DIMENSIONS;
    }
}
