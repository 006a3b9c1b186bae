package io.aigw.routing.domain;

import java.util.List;

/** Reads JSON for the quality gates, so the gates stay free of a JSON library. */
public interface JsonInspector {

    /** Whether the text is one JSON value (objects and arrays only, as {@code json_object} means). */
    boolean isJsonObjectOrArray(String text);

    /** Where the JSON text breaks the schema; empty when it conforms. */
    List<String> schemaViolations(String json, String schemaJson);
}
