package io.aigw.routing.adapter.out.anthropic;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Turns an Anthropic message into an OpenAI {@code chat.completion}, and names the shared mappings. */
final class AnthropicResponseTranslation {

    private final JsonMapper json;

    AnthropicResponseTranslation(JsonMapper json) {
        this.json = json;
    }

    /**
     * @param created the epoch second to stamp (Anthropic's answer has no time)
     */
    ObjectNode toCompletion(JsonNode message, long created) {
        ObjectNode completion = json.createObjectNode();
        completion.put("id", message.path("id").asString(""));
        completion.put("object", "chat.completion");
        completion.put("created", created);
        completion.put("model", message.path("model").asString(""));
        ObjectNode choice = completion.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode reply = choice.putObject("message");
        reply.put("role", "assistant");
        StringBuilder text = new StringBuilder();
        ArrayNode calls = json.createArrayNode();
        for (JsonNode block : message.path("content")) {
            switch (block.path("type").asString("")) {
                case "text" -> text.append(block.path("text").asString(""));
                case "tool_use" -> calls.add(toolCall(block));
                default -> {
                    // thinking and server-tool blocks have no place in an OpenAI message
                }
            }
        }
        if (text.isEmpty() && !calls.isEmpty()) {
            reply.putNull("content");
        } else {
            reply.put("content", text.toString());
        }
        if (!calls.isEmpty()) {
            reply.set("tool_calls", calls);
        }
        choice.putNull("logprobs");
        choice.put("finish_reason", finishReason(message.path("stop_reason").asString("")));
        completion.set("usage", usage(message.path("usage")));
        return completion;
    }

    private ObjectNode toolCall(JsonNode block) {
        ObjectNode call = json.createObjectNode();
        call.put("id", block.path("id").asString(""));
        call.put("type", "function");
        JsonNode input = block.path("input");
        call.putObject("function")
                .put("name", block.path("name").asString(""))
                .put("arguments", input.isObject() ? input.toString() : "{}");
        return call;
    }

    /** OpenAI's {@code finish_reason} for an Anthropic {@code stop_reason}. */
    static String finishReason(String stopReason) {
        return switch (stopReason) {
            case "max_tokens" -> "length";
            case "tool_use" -> "tool_calls";
            case "refusal" -> "content_filter";
            default -> "stop"; // end_turn, stop_sequence, pause_turn
        };
    }

    /**
     * OpenAI's {@code usage} for Anthropic's. Anthropic counts cache reads and writes apart from
     * {@code input_tokens}; OpenAI's {@code prompt_tokens} includes cached tokens, so they are added.
     */
    ObjectNode usage(JsonNode usage) {
        long cacheRead = usage.path("cache_read_input_tokens").asLong(0);
        long cacheWrite = usage.path("cache_creation_input_tokens").asLong(0);
        long prompt = usage.path("input_tokens").asLong(0) + cacheRead + cacheWrite;
        long completion = usage.path("output_tokens").asLong(0);
        ObjectNode out = json.createObjectNode();
        out.put("prompt_tokens", prompt);
        out.put("completion_tokens", completion);
        out.put("total_tokens", prompt + completion);
        if (cacheRead > 0) {
            out.putObject("prompt_tokens_details").put("cached_tokens", cacheRead);
        }
        return out;
    }
}
