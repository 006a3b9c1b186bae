package io.aigw.routing.adapter.in.web;

import io.aigw.routing.domain.ChatRequest;
import io.aigw.routing.domain.RoutingException.InvalidRequest;
import java.util.OptionalInt;
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
        return new Parsed(new ChatRequest(model, stream, maxTokens), body);
    }

    private static String requiredString(ObjectNode body, String field) {
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

    private static OptionalInt positiveInt(ObjectNode body, String field) {
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
        if (!node.isNumber() || node.doubleValue() < min || node.doubleValue() > max) {
            throw new InvalidRequest("'" + field + "' must be a number from " + min + " to " + max + ".", field);
        }
    }
}
