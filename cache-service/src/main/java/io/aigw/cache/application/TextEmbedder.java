package io.aigw.cache.application;

/** Turns a prompt into a unit-length vector whose cosine similarity tracks meaning. */
public interface TextEmbedder {

    float[] embed(String text);

    int dimensions();
}
