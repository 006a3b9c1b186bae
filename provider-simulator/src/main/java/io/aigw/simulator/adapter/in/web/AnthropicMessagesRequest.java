package io.aigw.simulator.adapter.in.web;

import io.aigw.simulator.application.ChatCall;
import io.aigw.simulator.domain.ChatMessage;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The parts of an Anthropic Messages request that change the simulated answer. */
record AnthropicMessagesRequest(ChatCall call, boolean stream) {

    static AnthropicMessagesRequest parse(JsonNode body) {
        String model = JsonFields.requiredString(body, "model");
        Integer maxTokens = JsonFields.optionalInt(body, "max_tokens", 1, OpenAiChatRequest.MAX_OUTPUT_TOKENS);
        if (maxTokens == null) {
            // Unlike OpenAI, Anthropic requires an explicit output budget.
            throw new InvalidRequestException("max_tokens: Field required", "max_tokens");
        }
        List<ChatMessage> messages = new ArrayList<>();
        String system = JsonFields.text(body.get("system"), "system");
        if (!system.isEmpty()) {
            messages.add(new ChatMessage("system", system));
        }
        List<JsonNode> items = JsonFields.requiredArray(body, "messages");
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String field = "messages." + i;
            if (!item.isObject()) {
                throw new InvalidRequestException(field + ": Input should be an object", field);
            }
            String role = JsonFields.requiredString(item, "role");
            if (!role.equals("user") && !role.equals("assistant")) {
                throw new InvalidRequestException(
                        field + ".role: Input should be 'user' or 'assistant'", field + ".role");
            }
            messages.add(new ChatMessage(role, JsonFields.text(item.get("content"), field + ".content")));
        }
        return new AnthropicMessagesRequest(
                new ChatCall(model, messages, maxTokens), JsonFields.optionalBoolean(body, "stream"));
    }
}
