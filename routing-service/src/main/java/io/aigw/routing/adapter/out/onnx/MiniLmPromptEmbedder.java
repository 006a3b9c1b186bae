package io.aigw.routing.adapter.out.onnx;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import io.aigw.routing.application.learned.PromptEmbedder;

/**
 * all-MiniLM-L6-v2 (384 dimensions) in-process through langchain4j, the model cache-service uses.
 * Loaded on the first prompt, not at start-up: the model costs some 90 MB, which a routing replica
 * that never routes a {@code learned} group or receives feedback should not pay.
 */
public final class MiniLmPromptEmbedder implements PromptEmbedder {

    private volatile EmbeddingModel model;

    @Override
    public float[] embed(String text) {
        float[] vector = model().embed(text.isBlank() ? " " : text).content().vector();
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

    private EmbeddingModel model() {
        EmbeddingModel loaded = model;
        if (loaded == null) {
            synchronized (this) {
                loaded = model;
                if (loaded == null) {
                    loaded = new AllMiniLmL6V2EmbeddingModel();
                    model = loaded;
                }
            }
        }
        return loaded;
    }
}
