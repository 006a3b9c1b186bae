package io.aigw.cache.adapter.out.onnx;

import io.aigw.cache.application.TextEmbedder;
import io.aigw.embedding.minilm.MiniLm;

/**
 * all-MiniLM-L6-v2 (384 dimensions) run in-process with ONNX Runtime: the model ships inside the
 * jar, so embedding needs no network and no provider account, and it lives in native memory, not in
 * the heap.
 */
public final class MiniLmTextEmbedder implements TextEmbedder {

    public static final int DIMENSIONS = MiniLm.DIMENSIONS;

    private final MiniLm model;

    public MiniLmTextEmbedder() {
        this.model = MiniLm.load();
    }

    @Override
    public float[] embed(String text) {
        return model.embed(text);
    }

    @Override
    public int dimensions() {
        return DIMENSIONS;
    }
}
