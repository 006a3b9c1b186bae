package io.aigw.routing.domain;

import java.util.Locale;

/** What a model can do beyond plain chat; a request needing one only goes to models that have it. */
public enum Capability {
    TOOLS,
    JSON,
    VISION,
    STREAM,
    /**
     * Serves {@code /v1/embeddings}; a model that has it serves nothing else, and only requests for
     * embeddings go to it.
     */
    EMBEDDINGS;

    public static Capability parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "unknown capability '" + value + "' (known: tools, json, vision, stream, embeddings)");
        }
    }
}
