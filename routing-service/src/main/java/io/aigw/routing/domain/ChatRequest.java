package io.aigw.routing.domain;

import java.util.OptionalInt;
import java.util.Set;

/**
 * The typed view of a chat completion request: the fields routing decides on. The rest of the
 * client's body travels untouched to OpenAI-type providers (see ADR 0002).
 *
 * @param model the catalog model or group the client asked for
 * @param stream whether the client wants server-sent events
 * @param includeUsage whether a streaming client asked for the final usage chunk
 * @param maxTokens the client's output bound ({@code max_completion_tokens} or {@code max_tokens})
 * @param needs the capabilities a deployment must have to answer
 * @param responseFormat the answer's requested shape
 * @param prompt what token estimation needs
 */
public record ChatRequest(
        String model,
        boolean stream,
        boolean includeUsage,
        OptionalInt maxTokens,
        Set<Capability> needs,
        ResponseFormat responseFormat,
        Prompt prompt) {

    public ChatRequest {
        needs = Set.copyOf(needs);
    }

    /** A minimal request, for tests and callers that only route by name. */
    public static ChatRequest of(String model) {
        return new ChatRequest(
                model,
                false,
                false,
                OptionalInt.empty(),
                Set.of(),
                ResponseFormat.TEXT,
                new Prompt(java.util.List.of(), 0, java.util.List.of()));
    }
}
