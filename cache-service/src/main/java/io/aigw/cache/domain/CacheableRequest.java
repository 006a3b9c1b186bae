package io.aigw.cache.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * What the cache needs to know about a chat completion request, with the answer-relevant parts
 * already rendered in a canonical form (sorted keys, normalised numbers) by the adapter that read it.
 *
 * @param model the model or group name the client asked for
 * @param answerMaterial canonical rendering of every field that changes the answer (the exact key)
 * @param scopeMaterial canonical rendering of what a semantic match must share exactly: system
 *     prompt, tools, tool choice, response format, output limits and the turns before the last one
 * @param lastUserText the text of the last user message, or empty when it is not plain text (images,
 *     audio) or the last message is not the user's; such requests are cached exactly only
 * @param temperature the requested temperature, or empty when the provider default applies
 */
public record CacheableRequest(
        String model,
        String answerMaterial,
        String scopeMaterial,
        Optional<String> lastUserText,
        Optional<Double> temperature) {

    public CacheableRequest {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(answerMaterial, "answerMaterial");
        Objects.requireNonNull(scopeMaterial, "scopeMaterial");
        Objects.requireNonNull(lastUserText, "lastUserText");
        Objects.requireNonNull(temperature, "temperature");
        if (model.isBlank()) {
            throw new IllegalArgumentException("model must not be blank");
        }
    }
}
