package io.aigw.cache.application;

/** Which layers a lookup may answer from ({@code x-aigw-cache: on | exact-only}, or the semantic layer alone). */
public enum LookupMode {
    ON,
    EXACT_ONLY,
    /**
     * The semantic layer alone: routing reads the exact layer from Redis itself and asks the
     * cache-service only when that misses, so the exact key is not looked up twice.
     */
    SEMANTIC_ONLY
}
