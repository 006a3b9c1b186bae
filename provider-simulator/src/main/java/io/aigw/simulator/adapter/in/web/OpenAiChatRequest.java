package io.aigw.simulator.adapter.in.web;

import io.aigw.simulator.application.ChatCall;
import io.aigw.simulator.domain.ChatMessage;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The parts of an OpenAI chat completion request that change the simulated answer. Other fields (temperature,
 * tools, …) are accepted and ignored, as a lenient provider would.
 */
record OpenAiChatRequest(ChatCall call, boolean stream, boolean includeUsage) {

    static final int MAX_OUTPUT_TOKENS = 1_000_000;

    static OpenAiChatRequest parse(JsonNode body) {
        String model = JsonFields.requiredString(body, "model");
        List<ChatMessage> messages = new ArrayList<>();
        List<JsonNode> items = JsonFields.requiredArray(body, "messages");
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String field = "messages[" + i + "]";
            if (!item.isObject()) {
                throw new InvalidRequestException("Invalid '" + field + "': expected an object.", field);
            }
            String role = JsonFields.requiredString(item, "role");
            String name = JsonFields.optionalString(item, "name", null);
            messages.add(new ChatMessage(role, JsonFields.text(item.get("content"), field + ".content"), name));
        }
        Integer maxTokens = JsonFields.optionalInt(body, "max_completion_tokens", 1, MAX_OUTPUT_TOKENS);
        if (maxTokens == null) {
            maxTokens = JsonFields.optionalInt(body, "max_tokens", 1, MAX_OUTPUT_TOKENS);
        }
        boolean stream = JsonFields.optionalBoolean(body, "stream");
        JsonNode options = body.path("stream_options");
        boolean includeUsage = options.isObject() && JsonFields.optionalBoolean(options, "include_usage");
        return new OpenAiChatRequest(new ChatCall(model, messages, maxTokens), stream, includeUsage);
    }
}
