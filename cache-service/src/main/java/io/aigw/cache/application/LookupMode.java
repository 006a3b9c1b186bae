package io.aigw.cache.application;

/** Which layers a lookup may answer from ({@code x-aigw-cache: on | exact-only}). */
public enum LookupMode {
    ON,
    EXACT_ONLY
}
