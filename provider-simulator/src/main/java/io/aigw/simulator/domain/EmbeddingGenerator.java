package io.aigw.simulator.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Random;

/**
 * Deterministic stand-in embeddings: the same text always gives the same unit vector, different texts give
 * unrelated ones. The vector is Gaussian noise seeded from the SHA-256 of the text, L2-normalised.
 */
public final class EmbeddingGenerator {

    public static final int DEFAULT_DIMENSIONS = 384;
    public static final int MAX_DIMENSIONS = 8192;

    public float[] embed(String text, int dimensions) {
        if (dimensions < 1 || dimensions > MAX_DIMENSIONS) {
            throw new IllegalArgumentException(
                    "dimensions must be within 1.." + MAX_DIMENSIONS + ", got " + dimensions);
        }
        // java.util.Random is specified bit for bit, so vectors are stable across JVMs and releases.
        Random random = new Random(seed(text));
        double[] raw = new double[dimensions];
        double sumOfSquares = 0;
        for (int i = 0; i < dimensions; i++) {
            raw[i] = random.nextGaussian();
            sumOfSquares += raw[i] * raw[i];
        }
        double norm = Math.sqrt(sumOfSquares);
        float[] vector = new float[dimensions];
        for (int i = 0; i < dimensions; i++) {
            vector[i] = (float) (raw[i] / norm);
        }
        return vector;
    }

    private static long seed(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM ships SHA-256", e);
        }
    }
}
