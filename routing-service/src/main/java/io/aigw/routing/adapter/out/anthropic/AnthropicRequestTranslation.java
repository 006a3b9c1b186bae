package io.aigw.routing.adapter.out.anthropic;

import io.aigw.routing.domain.RoutingException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns an OpenAI chat completions body into an Anthropic Messages body. Only what Anthropic
 * understands is sent: it rejects unknown top-level fields, so nothing passes through untranslated.
 * Message content is translated by {@link AnthropicMessageTranslation}.
 */
final class AnthropicRequestTranslation {

    /** Anthropic requires an output budget; OpenAI clients often send none. */
    static final int DEFAULT_MAX_TOKENS = 4096;

    private final JsonMapper json;
    private final AnthropicMessageTranslation messages;

    AnthropicRequestTranslation(JsonMapper json) {
        this.json = json;
        this.messages = new AnthropicMessageTranslation(json);
    }

    /**
     * @param body the client's OpenAI-shaped body
     * @param model the provider's name for the model
     * @param stream whether to ask for Anthropic's event stream
     */
    ObjectNode toAnthropic(ObjectNode body, String model, boolean stream) {
        ObjectNode out = json.createObjectNode();
        out.put("model", model);
        out.put("max_tokens", maxTokens(body));
        messages.translate(body.path("messages"), out);
        JsonNode temperature = body.path("temperature");
        if (temperature.isNumber()) {
            // OpenAI allows 0..2, Anthropic 0..1; a 400 for 1.5 would fail a request OpenAI accepts
            out.put("temperature", Math.min(temperature.asDouble(), 1.0));
        }
        if (body.path("top_p").isNumber()) {
            out.set("top_p", body.get("top_p"));
        }
        stopSequences(body.path("stop"), out);
        tools(body, out);
        jsonMode(body.path("response_format"), out);
        if (body.path("user").isString()) {
            out.putObject("metadata").put("user_id", body.get("user").stringValue());
        }
        if (stream) {
            out.put("stream", true);
        }
        return out;
    }

    /**
     * Anthropic has no {@code response_format}. Dropping it would hand a JSON-mode client prose, so
     * the request is stated in the system prompt instead (with the schema when given); the cascade's
     * JSON gates then check the answer like any other provider's.
     */
    private void jsonMode(JsonNode format, ObjectNode out) {
        String type = format.path("type").asString("");
        if (!type.equals("json_object") && !type.equals("json_schema")) {
            return;
        }
        StringBuilder instruction =
                new StringBuilder("Answer with one valid JSON object and nothing else: no prose, no code fences.");
        JsonNode schema = format.path("json_schema").path("schema");
        if (type.equals("json_schema") && schema.isObject()) {
            instruction.append(" It must match this JSON Schema: ").append(json.writeValueAsString(schema));
        }
        String system = out.path("system").asString("");
        out.put("system", system.isEmpty() ? instruction.toString() : system + "\n\n" + instruction);
    }

    private static int maxTokens(ObjectNode body) {
        for (String field : new String[] {"max_completion_tokens", "max_tokens"}) {
            JsonNode value = body.path(field);
            if (value.isIntegralNumber()) {
                if (value.asInt() < 1) {
                    throw new RoutingException.InvalidRequest(field + " must be at least 1", field);
                }
                return value.asInt();
            }
        }
        return DEFAULT_MAX_TOKENS;
    }

    private static void stopSequences(JsonNode stop, ObjectNode out) {
        if (stop.isString()) {
            out.putArray("stop_sequences").add(stop.stringValue());
        } else if (stop.isArray() && !stop.isEmpty()) {
            ArrayNode sequences = out.putArray("stop_sequences");
            stop.forEach(sequences::add);
        }
    }

    private void tools(ObjectNode body, ObjectNode out) {
        JsonNode tools = body.path("tools");
        if (!tools.isArray() || tools.isEmpty()) {
            return;
        }
        ArrayNode translated = out.putArray("tools");
        for (JsonNode tool : tools) {
            JsonNode function = tool.path("function");
            if (!"function".equals(tool.path("type").asString(""))
                    || !function.path("name").isString()) {
                throw new RoutingException.InvalidRequest(
                        "only function tools with a name can be sent to this provider", "tools");
            }
            ObjectNode anthropicTool = translated.addObject();
            anthropicTool.put("name", function.get("name").stringValue());
            if (function.path("description").isString()) {
                anthropicTool.set("description", function.get("description"));
            }
            JsonNode parameters = function.path("parameters");
            anthropicTool.set(
                    "input_schema",
                    parameters.isObject()
                            ? parameters
                            : json.createObjectNode().put("type", "object").set("properties", json.createObjectNode()));
        }
        ObjectNode choice = toolChoice(body.path("tool_choice"));
        if (body.path("parallel_tool_calls").isBoolean()
                && !body.get("parallel_tool_calls").asBoolean()) {
            choice = choice == null ? json.createObjectNode().put("type", "auto") : choice;
            if (!"none".equals(choice.path("type").asString(""))) {
                choice.put("disable_parallel_tool_use", true);
            }
        }
        if (choice != null) {
            out.set("tool_choice", choice);
        }
    }

    private ObjectNode toolChoice(JsonNode choice) {
        if (choice.isString()) {
            String type =
                    switch (choice.stringValue()) {
                        case "auto" -> "auto";
                        case "none" -> "none";
                        case "required" -> "any";
                        default -> throw new RoutingException.InvalidRequest(
                                "tool_choice must be auto, none, required or a function", "tool_choice");
                    };
            return json.createObjectNode().put("type", type);
        }
        if (choice.isObject()) {
            JsonNode name = choice.path("function").path("name");
            if (!name.isString()) {
                throw new RoutingException.InvalidRequest("tool_choice.function.name is required", "tool_choice");
            }
            return json.createObjectNode().put("type", "tool").put("name", name.stringValue());
        }
        return null;
    }
}
