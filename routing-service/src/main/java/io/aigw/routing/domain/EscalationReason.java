package io.aigw.routing.domain;

import java.util.Locale;

/** Why a cascade moved an answer up to the next tier; a bounded metric label and a response header. */
public enum EscalationReason {
    /** The answer stopped at the token limit ({@code finish_reason: length}). */
    TRUNCATED,
    /** No content and no tool call. */
    EMPTY,
    /** The model declined to answer. */
    REFUSAL,
    /** {@code response_format} asked for JSON and the content is not JSON. */
    INVALID_JSON,
    /** The JSON does not match the requested {@code json_schema}. */
    SCHEMA_MISMATCH,
    /** A tool call's arguments are not a JSON object. */
    INVALID_TOOL_ARGUMENTS,
    /** The mean token log-probability is below the configured confidence. */
    LOW_CONFIDENCE,
    /** The configured judge model said no. */
    VERIFIER_REJECTED;

    /** The lower-case name used in headers and metrics. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
