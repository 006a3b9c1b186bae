package io.aigw.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The OpenAI-shaped error body every {@code /v1/**} answer uses:
 * {@code {"error":{"message":"…","type":"…","param":null,"code":"…"}}}.
 *
 * <p>{@code param} is serialized even when null, as OpenAI does, so clients that read it find the
 * key.
 */
public record OpenAiError(Detail error) {

    /** The inner object of the error body. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Detail(String message, String type, String param, String code) {}

    public static OpenAiError of(ErrorKind kind, String message) {
        return new OpenAiError(new Detail(message, kind.type(), null, kind.code()));
    }

    public static OpenAiError of(ErrorKind kind, String message, String param) {
        return new OpenAiError(new Detail(message, kind.type(), param, kind.code()));
    }
}
