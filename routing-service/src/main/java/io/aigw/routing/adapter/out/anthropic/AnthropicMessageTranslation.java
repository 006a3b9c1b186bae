package io.aigw.routing.adapter.out.anthropic;

import io.aigw.routing.domain.RoutingException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns OpenAI {@code messages} into Anthropic's {@code system} and {@code messages}: system and
 * developer messages become the top-level system prompt, assistant tool calls become {@code
 * tool_use} blocks, and tool answers become {@code tool_result} blocks of a user turn (Anthropic has
 * no tool role).
 */
final class AnthropicMessageTranslation {

    private final JsonMapper json;

    AnthropicMessageTranslation(JsonMapper json) {
        this.json = json;
    }

    void translate(JsonNode messages, ObjectNode out) {
        if (!messages.isArray()) {
            throw new RoutingException.InvalidRequest("messages must be an array", "messages");
        }
        List<String> system = new ArrayList<>();
        ArrayNode translated = json.createArrayNode();
        ArrayNode toolResults = null;
        for (int i = 0; i < messages.size(); i++) {
            JsonNode message = messages.get(i);
            String role = message.path("role").asString("");
            if (!role.equals("tool")) {
                toolResults = null;
            }
            switch (role) {
                case "system", "developer" -> system.add(text(message.path("content"), i));
                case "user" -> translated
                        .addObject()
                        .put("role", "user")
                        .set("content", userContent(message.path("content"), i));
                case "assistant" -> translated
                        .addObject()
                        .put("role", "assistant")
                        .set("content", assistantContent(message, i));
                case "tool" -> {
                    // consecutive tool answers belong to one user turn, right after the tool_use turn
                    if (toolResults == null) {
                        toolResults = translated.addObject().put("role", "user").putArray("content");
                    }
                    toolResults.add(toolResult(message, i));
                }
                default -> throw invalid(i, "role '" + role + "' is not supported by this provider", "role");
            }
        }
        if (!system.isEmpty()) {
            out.put("system", String.join("\n\n", system));
        }
        out.set("messages", translated);
    }

    private JsonNode userContent(JsonNode content, int i) {
        if (content.isString()) {
            return content;
        }
        if (!content.isArray()) {
            throw invalid(i, "content must be a string or an array of parts", "content");
        }
        ArrayNode blocks = json.createArrayNode();
        for (JsonNode part : content) {
            switch (part.path("type").asString("")) {
                case "text" -> blocks.addObject()
                        .put("type", "text")
                        .put("text", part.path("text").asString(""));
                case "image_url" -> blocks.add(
                        image(part.path("image_url").path("url").asString(""), i));
                default -> throw invalid(
                        i, "content part type '" + part.path("type").asString("") + "' is not supported", "content");
            }
        }
        return blocks;
    }

    private ObjectNode image(String url, int i) {
        ObjectNode block = json.createObjectNode().put("type", "image");
        ObjectNode source = block.putObject("source");
        if (url.startsWith("data:")) {
            int comma = url.indexOf(',');
            String meta = comma < 0 ? "" : url.substring("data:".length(), comma);
            if (!meta.endsWith(";base64")) {
                throw invalid(i, "image data URLs must be base64 encoded", "content");
            }
            source.put("type", "base64")
                    .put("media_type", meta.substring(0, meta.length() - ";base64".length()))
                    .put("data", url.substring(comma + 1));
        } else if (url.startsWith("https://") || url.startsWith("http://")) {
            source.put("type", "url").put("url", url);
        } else {
            throw invalid(i, "image_url.url must be an http(s) or data URL", "content");
        }
        return block;
    }

    private ArrayNode assistantContent(JsonNode message, int i) {
        ArrayNode blocks = json.createArrayNode();
        String text = text(message.path("content"), i);
        // Anthropic refuses empty text blocks; an assistant turn with only tool calls has none
        if (!text.isEmpty()) {
            blocks.addObject().put("type", "text").put("text", text);
        }
        for (JsonNode call : message.path("tool_calls")) {
            JsonNode function = call.path("function");
            blocks.addObject()
                    .put("type", "tool_use")
                    .put("id", call.path("id").asString(""))
                    .put("name", function.path("name").asString(""))
                    .set("input", arguments(function.path("arguments").asString(""), i));
        }
        return blocks;
    }

    private JsonNode arguments(String arguments, int i) {
        if (arguments.isBlank()) {
            return json.createObjectNode();
        }
        try {
            JsonNode input = json.readTree(arguments);
            if (input.isObject()) {
                return input;
            }
        } catch (JacksonException notJson) {
            // reported below
        }
        throw invalid(i, "tool_calls arguments must be a JSON object", "tool_calls");
    }

    private ObjectNode toolResult(JsonNode message, int i) {
        ObjectNode result = json.createObjectNode().put("type", "tool_result");
        result.put("tool_use_id", message.path("tool_call_id").asString(""));
        result.put("content", text(message.path("content"), i));
        return result;
    }

    /** The text of a string or of the text parts of an array. */
    private static String text(JsonNode content, int i) {
        if (content.isString()) {
            return content.stringValue();
        }
        if (content.isNull() || content.isMissingNode()) {
            return "";
        }
        if (!content.isArray()) {
            throw invalid(i, "content must be a string or an array of parts", "content");
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode part : content) {
            if (!"text".equals(part.path("type").asString(""))) {
                throw invalid(i, "only text parts are allowed in this message", "content");
            }
            text.append(part.path("text").asString(""));
        }
        return text.toString();
    }

    private static RoutingException.InvalidRequest invalid(int i, String message, String field) {
        return new RoutingException.InvalidRequest("messages[" + i + "]: " + message, "messages[" + i + "]." + field);
    }
}
