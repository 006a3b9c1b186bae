package io.aigw.routing.adapter.out.anthropic;

import io.aigw.routing.adapter.out.provider.AbstractProviderClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns the events of one Anthropic stream into OpenAI {@code chat.completion.chunk} payloads. One
 * instance per stream: it remembers the message id, which content blocks are tool calls, and the
 * usage reported at the start and at the end.
 */
final class AnthropicStreamTranslation {

    /** An {@code error} event: Anthropic's error body, to be raised instead of ending the stream. */
    static final class StreamError extends RuntimeException {
        private final String type;
        private final String body;

        StreamError(String type, String body) {
            super(type, null, false, false);
            this.type = type;
            this.body = body;
        }

        /**
         * The HTTP status Anthropic answers this error type with, so that a mid-stream error is
         * classified like the same error before the stream: overloaded and api errors are retriable.
         */
        int status() {
            return switch (type) {
                case "invalid_request_error" -> 400;
                case "authentication_error" -> 401;
                case "permission_error" -> 403;
                case "not_found_error" -> 404;
                case "request_too_large" -> 413;
                case "rate_limit_error" -> 429;
                case "overloaded_error" -> 529;
                default -> 500; // api_error, and types Anthropic may add later
            };
        }

        /** The event's data, {@code {"type":"error","error":{"type","message"}}}. */
        String body() {
            return body;
        }
    }

    private final JsonMapper json;
    private final AnthropicResponseTranslation responses;
    private final boolean includeUsage;
    private final long created;
    /** OpenAI's tool call index for each Anthropic content block index that is a tool call. */
    private final Map<Integer, Integer> toolCalls = new HashMap<>();

    private String id = "";
    private String model = "";
    private ObjectNode usage;
    private boolean finished;

    AnthropicStreamTranslation(JsonMapper json, boolean includeUsage, long created) {
        this.json = json;
        this.responses = new AnthropicResponseTranslation(json);
        this.includeUsage = includeUsage;
        this.created = created;
        this.usage = json.createObjectNode();
    }

    /** The chunks one event's data becomes (often none); {@code [DONE]} after {@code message_stop}. */
    List<String> onEvent(String data) {
        JsonNode event = json.readTree(data);
        List<String> chunks = new ArrayList<>(2);
        switch (event.path("type").asString("")) {
            case "message_start" -> {
                JsonNode message = event.path("message");
                id = message.path("id").asString("");
                model = message.path("model").asString("");
                usage = message.path("usage").isObject()
                        ? ((ObjectNode) message.get("usage")).deepCopy()
                        : json.createObjectNode();
                chunks.add(
                        chunk(json.createObjectNode().put("role", "assistant").put("content", ""), null));
            }
            case "content_block_start" -> blockStart(event, chunks);
            case "content_block_delta" -> blockDelta(event, chunks);
            case "message_delta" -> {
                // message_delta's usage is cumulative: its counts replace those of message_start
                for (var count : event.path("usage").properties()) {
                    if (count.getValue().isNumber()) {
                        usage.set(count.getKey(), count.getValue());
                    }
                }
                String stopReason = event.path("delta").path("stop_reason").asString("");
                if (!stopReason.isEmpty()) {
                    finish(AnthropicResponseTranslation.finishReason(stopReason), chunks);
                }
            }
            case "message_stop" -> {
                finish("stop", chunks);
                if (includeUsage) {
                    ObjectNode usageChunk = header();
                    usageChunk.putArray("choices");
                    usageChunk.set("usage", responses.usage(usage));
                    chunks.add(usageChunk.toString());
                }
                chunks.add(AbstractProviderClient.DONE);
            }
            case "error" -> throw new StreamError(
                    event.path("error").path("type").asString(""), data);
            default -> {
                // ping, content_block_stop, and event types Anthropic may add later carry no content
            }
        }
        return chunks;
    }

    private void blockStart(JsonNode event, List<String> chunks) {
        JsonNode block = event.path("content_block");
        String type = block.path("type").asString("");
        if (type.equals("text") && !block.path("text").asString("").isEmpty()) {
            chunks.add(chunk(
                    json.createObjectNode().put("content", block.get("text").stringValue()), null));
        } else if (type.equals("tool_use")) {
            int index = toolCalls.size();
            toolCalls.put(event.path("index").asInt(), index);
            ObjectNode call = json.createObjectNode().put("index", index);
            call.put("id", block.path("id").asString(""));
            call.put("type", "function");
            call.putObject("function")
                    .put("name", block.path("name").asString(""))
                    .put("arguments", "");
            ObjectNode delta = json.createObjectNode();
            delta.putArray("tool_calls").add(call);
            chunks.add(chunk(delta, null));
        }
    }

    private void blockDelta(JsonNode event, List<String> chunks) {
        JsonNode delta = event.path("delta");
        switch (delta.path("type").asString("")) {
            case "text_delta" -> chunks.add(chunk(
                    json.createObjectNode().put("content", delta.path("text").asString("")), null));
            case "input_json_delta" -> {
                Integer index = toolCalls.get(event.path("index").asInt());
                String fragment = delta.path("partial_json").asString("");
                if (index != null && !fragment.isEmpty()) {
                    ObjectNode call = json.createObjectNode().put("index", index);
                    call.putObject("function").put("arguments", fragment);
                    ObjectNode toolDelta = json.createObjectNode();
                    toolDelta.putArray("tool_calls").add(call);
                    chunks.add(chunk(toolDelta, null));
                }
            }
            default -> {
                // thinking and signature deltas have no place in an OpenAI chunk
            }
        }
    }

    private void finish(String finishReason, List<String> chunks) {
        if (!finished) {
            finished = true;
            chunks.add(chunk(json.createObjectNode(), finishReason));
        }
    }

    private String chunk(ObjectNode delta, String finishReason) {
        ObjectNode chunk = header();
        ObjectNode choice = chunk.putArray("choices").addObject();
        choice.put("index", 0);
        choice.set("delta", delta);
        if (finishReason == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finishReason);
        }
        return chunk.toString();
    }

    private ObjectNode header() {
        ObjectNode chunk = json.createObjectNode();
        chunk.put("id", id);
        chunk.put("object", "chat.completion.chunk");
        chunk.put("created", created);
        chunk.put("model", model);
        return chunk;
    }
}
