package io.aigw.routing.application.learned;

/** Turns a prompt into a unit-length vector whose dot product with another is their cosine. */
public interface PromptEmbedder {

    /** Blocking and CPU-bound (milliseconds); callers off the event loop should say so. */
    float[] embed(String text);
}
