package io.aigw.cache.adapter.in.web;

import io.aigw.cache.domain.AnswerFacts;
import io.aigw.cache.domain.CacheableRequest;
import io.aigw.cache.format.CanonicalJson;
import io.aigw.cache.format.ExactCacheKey;
import io.aigw.cache.format.StoreRules;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the OpenAI chat completion request (and response) that routing forwards as it is, and
 * renders what changes the answer in canonical form (the exact key's material is defined in
 * {@link ExactCacheKey}, which routing shares).
 */
public final class ChatRequestReader {

    /** What a semantic match must share besides the last user message (the model is hashed apart). */
    static final List<String> SCOPE_FIELDS = List.of(
            "tools",
            "tool_choice",
            "parallel_tool_calls",
            "functions",
            "function_call",
            "response_format",
            "max_tokens",
            "max_completion_tokens",
            "stop",
            "n",
            "logprobs",
            "top_logprobs",
            "reasoning_effort",
            "modalities",
            "audio");

    private ChatRequestReader() {}

    public static CacheableRequest read(JsonNode request) {
        if (request == null || !request.isObject()) {
            throw invalid("/request", "request must be the chat completion request object");
        }
        JsonNode model = request.path("model");
        if (!model.isString() || model.stringValue().isBlank()) {
            throw invalid("/request/model", "request.model must be a non-empty string");
        }
        JsonNode messages = request.path("messages");
        if (!messages.isArray() || messages.isEmpty()) {
            throw invalid("/request/messages", "request.messages must be a non-empty array");
        }
        for (int i = 0; i < messages.size(); i++) {
            if (!messages.get(i).isObject() || !messages.get(i).path("role").isString()) {
                throw invalid("/request/messages/" + i, "every message needs a string role");
            }
        }
        JsonNode temperature = request.path("temperature");
        if (!temperature.isMissingNode() && !temperature.isNull() && !temperature.isNumber()) {
            throw invalid("/request/temperature", "request.temperature must be a number");
        }
        ObjectNode scope = JsonNodeFactory.instance.objectNode();
        SCOPE_FIELDS.forEach(field -> copy(request, scope, field));
        Optional<String> lastUserText = lastUserText(messages.get(messages.size() - 1));
        // the turns before the last: with a text question they are the context it must share
        var earlier = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < messages.size() - 1; i++) {
            earlier.add(messages.get(i));
        }
        scope.set("earlier_messages", earlier);
        return new CacheableRequest(
                model.stringValue(),
                ExactCacheKey.answerMaterial(request),
                CanonicalJson.of(scope),
                lastUserText,
                temperature.isNumber() ? Optional.of(temperature.doubleValue()) : Optional.empty());
    }

    /** The finish reasons and tool calls of a chat completion response. */
    static AnswerFacts facts(JsonNode response) {
        try {
            StoreRules.AnswerShape shape = StoreRules.AnswerShape.of(response);
            return new AnswerFacts(shape.finishReasons(), shape.hasToolCalls());
        } catch (IllegalArgumentException e) {
            throw invalid("/response", e.getMessage());
        }
    }

    private static Optional<String> lastUserText(JsonNode last) {
        if (!last.path("role").stringValue().equals("user")) {
            return Optional.empty();
        }
        JsonNode content = last.path("content");
        if (content.isString()) {
            return content.stringValue().isBlank() ? Optional.empty() : Optional.of(content.stringValue());
        }
        if (!content.isArray()) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode part : content.values()) {
            if (!part.path("type").asString("").equals("text")
                    || !part.path("text").isString()) {
                return Optional.empty(); // images or audio: the text alone does not say what is asked
            }
            text.append(text.isEmpty() ? "" : "\n").append(part.path("text").stringValue());
        }
        return text.isEmpty() ? Optional.empty() : Optional.of(text.toString());
    }

    private static void copy(JsonNode from, ObjectNode to, String field) {
        JsonNode value = from.get(field);
        if (value != null && !value.isNull()) {
            to.set(field, value);
        }
    }

    private static CacheRequestException invalid(String pointer, String message) {
        return new CacheRequestException("invalid-request", pointer, message);
    }
}
