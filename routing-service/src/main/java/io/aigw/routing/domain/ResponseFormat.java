package io.aigw.routing.domain;

/**
 * What shape the client asked the answer to have.
 *
 * @param schemaJson the JSON schema text when {@code kind} is {@link Kind#JSON_SCHEMA}, else null
 */
public record ResponseFormat(Kind kind, String schemaJson) {

    public static final ResponseFormat TEXT = new ResponseFormat(Kind.TEXT, null);

    /** {@code response_format.type}. */
    public enum Kind {
        TEXT,
        JSON_OBJECT,
        JSON_SCHEMA
    }

    public boolean wantsJson() {
        return kind != Kind.TEXT;
    }
}
