package io.aigw.routing.adapter.out.onnx;

import io.aigw.embedding.minilm.MiniLm;
import io.aigw.routing.application.learned.PromptEmbedder;

/**
 * all-MiniLM-L6-v2 (384 dimensions) in-process, the model cache-service uses. Loaded on the first
 * prompt, not at start-up: the model costs some 90 MB of native memory, which a routing replica that
 * never routes a {@code learned} group or receives feedback should not pay.
 */
public final class MiniLmPromptEmbedder implements PromptEmbedder {

    private volatile MiniLm model;

    @Override
    public float[] embed(String text) {
        return model().embed(text);
    }

    private MiniLm model() {
        MiniLm loaded = model;
        if (loaded == null) {
            synchronized (this) {
                loaded = model;
                if (loaded == null) {
                    loaded = MiniLm.load();
                    model = loaded;
                }
            }
        }
        return loaded;
    }
}
