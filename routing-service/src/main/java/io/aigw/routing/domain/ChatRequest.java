package io.aigw.routing.domain;

import java.util.OptionalInt;

/**
 * The typed view of a chat completion request: the fields routing decides on. The rest of the
 * client's body travels untouched to OpenAI-type providers (see ADR 0002).
 *
 * @param model the catalog model or group the client asked for
 * @param stream whether the client wants server-sent events
 * @param maxTokens the client's output bound ({@code max_completion_tokens} or {@code max_tokens})
 */
public record ChatRequest(String model, boolean stream, OptionalInt maxTokens) {}
