package io.aigw.routing.adapter.in.web;

import io.aigw.routing.domain.Capability;
import io.aigw.routing.domain.ChatRequest;
import io.aigw.routing.domain.Prompt;
import io.aigw.routing.domain.ResponseFormat;
import io.aigw.routing.domain.RoutingException.InvalidRequest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a client's chat completion body: checks the fields routing relies on and names the first bad
 * one, as OpenAI does with {@code param}. Everything else stays in the tree for the provider.
 */
class ChatRequestReader {

    /** A parsed body: the typed view and the full tree that travels on. */
    record Parsed(ChatRequest request, ObjectNode body) {}

    private final JsonMapper json;

    ChatRequestReader(JsonMapper json) {
        this.json = json;
    }

    Parsed read(String text) {
        ObjectNode body = object(json, text);
        String model = requiredString(body, "model");
        checkMessages(body.get("messages"));
        boolean stream = optionalBoolean(body, "stream");
        OptionalInt maxTokens = positiveInt(body, "max_completion_tokens");
        if (maxTokens.isEmpty()) {
            maxTokens = positiveInt(body, "max_tokens");
        }
        numberInRange(body, "temperature", 0, 2);
        numberInRange(body, "top_p", 0, 1);
        positiveInt(body, "n");
        ResponseFormat format = responseFormat(body.get("response_format"));
        boolean includeUsage =
                stream && body.path("stream_options").path("include_usage").asBoolean(false);
        ChatRequest request = new ChatRequest(
                model, stream, includeUsage, maxTokens, needs(body, stream, format), format, prompt(body));
        return new Parsed(request, body);
    }

    /** The body as a JSON object, or the 400 a client gets for anything else. */
    static ObjectNode object(JsonMapper json, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidRequest("The request body must be a JSON object.", null);
        }
        JsonNode tree;
        try {
            tree = json.readTree(text);
        } catch (JacksonException e) {
            throw new InvalidRequest("The request body is not valid JSON.", null);
        }
        if (!(tree instanceof ObjectNode body)) {
            throw new InvalidRequest("The request body must be a JSON object.", null);
        }
        return body;
    }

    private static Set<Capability> needs(ObjectNode body, boolean stream, ResponseFormat format) {
        Set<Capability> needs = EnumSet.noneOf(Capability.class);
        JsonNode tools = body.get("tools");
        if ((tools != null && tools.isArray() && !tools.isEmpty()) || body.has("functions")) {
            needs.add(Capability.TOOLS);
        }
        if (format.wantsJson()) {
            needs.add(Capability.JSON);
        }
        if (stream) {
            needs.add(Capability.STREAM);
        }
        for (JsonNode message : body.get("messages")) {
            for (JsonNode part : message.path("content")) {
                String type = part.path("type").asString("");
                if (type.equals("image_url") || type.equals("input_image")) {
                    needs.add(Capability.VISION);
                }
            }
        }
        return needs;
    }

    private static ResponseFormat responseFormat(JsonNode node) {
        if (node == null || node.isNull()) {
            return ResponseFormat.TEXT;
        }
        JsonNode type = node.get("type");
        if (!node.isObject() || type == null || !type.isString()) {
            throw new InvalidRequest("'response_format' must be an object with a 'type'.", "response_format");
        }
        return switch (type.stringValue()) {
            case "text" -> ResponseFormat.TEXT;
            case "json_object" -> new ResponseFormat(ResponseFormat.Kind.JSON_OBJECT, null);
            case "json_schema" -> {
                JsonNode schema = node.path("json_schema").get("schema");
                yield new ResponseFormat(
                        ResponseFormat.Kind.JSON_SCHEMA,
                        schema != null && schema.isObject() ? schema.toString() : null);
            }
            default -> throw new InvalidRequest(
                    "'response_format.type' must be one of text, json_object, json_schema.", "response_format.type");
        };
    }

    /** The texts that count as prompt tokens: roles, names, content parts, tool calls, tool schemas. */
    private static Prompt prompt(ObjectNode body) {
        List<String> texts = new ArrayList<>();
        int images = 0;
        for (JsonNode message : body.get("messages")) {
            StringBuilder text = new StringBuilder(message.path("role").asString(""));
            message.optional("name").ifPresent(name -> text.append(' ').append(name.asString("")));
            JsonNode content = message.path("content");
            if (content.isString()) {
                text.append(' ').append(content.stringValue());
            }
            for (JsonNode part : content) {
                if (part.has("text")) {
                    text.append(' ').append(part.path("text").asString(""));
                } else if (part.has("image_url") || part.has("input_image")) {
                    images++;
                }
            }
            for (JsonNode call : message.path("tool_calls")) {
                text.append(' ').append(call.path("function").path("name").asString(""));
                text.append(' ').append(call.path("function").path("arguments").asString(""));
            }
            texts.add(text.toString());
        }
        List<String> tools = new ArrayList<>();
        body.path("tools").forEach(tool -> tools.add(tool.toString()));
        return new Prompt(texts, images, tools);
    }

    static String requiredString(ObjectNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            throw new InvalidRequest("Missing required parameter: '" + field + "'.", field);
        }
        if (!node.isString() || node.stringValue().isBlank()) {
            throw new InvalidRequest("'" + field + "' must be a non-empty string.", field);
        }
        return node.stringValue();
    }

    private static void checkMessages(JsonNode messages) {
        if (messages == null || messages.isNull()) {
            throw new InvalidRequest("Missing required parameter: 'messages'.", "messages");
        }
        if (!messages.isArray() || messages.isEmpty()) {
            throw new InvalidRequest("'messages' must be a non-empty array.", "messages");
        }
        for (int i = 0; i < messages.size(); i++) {
            JsonNode message = messages.get(i);
            String param = "messages[" + i + "]";
            if (!message.isObject()) {
                throw new InvalidRequest("'" + param + "' must be an object.", param);
            }
            JsonNode role = message.get("role");
            if (role == null || !role.isString()) {
                throw new InvalidRequest("'" + param + ".role' must be a string.", param + ".role");
            }
        }
    }

    private static boolean optionalBoolean(ObjectNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            throw new InvalidRequest("'" + field + "' must be a boolean.", field);
        }
        return node.booleanValue();
    }

    static OptionalInt positiveInt(ObjectNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return OptionalInt.empty();
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < 1) {
            throw new InvalidRequest("'" + field + "' must be a positive integer.", field);
        }
        return OptionalInt.of(node.intValue());
    }

    private static void numberInRange(ObjectNode body, String field, double min, double max) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return;
        }
        double value = doubleOf(node);
        if (!node.isNumber() || !(value >= min && value <= max)) {
            throw new InvalidRequest("'" + field + "' must be a number from " + min + " to " + max + ".", field);
        }
    }

    /**
     * A JSON number as a double, never throwing: Jackson 3 refuses {@code doubleValue()} for an integer
     * or decimal beyond a double's range, which a client can send anywhere. Those become ±infinity
     * (and any range check then fails them); a non-number is NaN.
     */
    static double doubleOf(JsonNode node) {
        if (node == null || !node.isNumber()) {
            return Double.NaN;
        }
        return node.isBigInteger() || node.isBigDecimal() ? node.decimalValue().doubleValue() : node.doubleValue();
    }
}
