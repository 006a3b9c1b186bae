package io.aigw.routing.application;

import io.aigw.routing.domain.Answer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Reads and writes the parts of OpenAI's chat shapes that routing needs. */
public final class OpenAiShapes {

    private final JsonMapper json;

    public OpenAiShapes(JsonMapper json) {
        this.json = json;
    }

    /** The body to send upstream: streams always ask for usage, so every token is metered. */
    public ObjectNode upstreamBody(ObjectNode clientBody, boolean stream) {
        ObjectNode body = clientBody.deepCopy();
        if (stream) {
            body.put("stream", true);
            ObjectNode options =
                    body.has("stream_options") && body.get("stream_options").isObject()
                            ? (ObjectNode) body.get("stream_options")
                            : body.putObject("stream_options");
            options.put("include_usage", true);
        } else {
            body.remove("stream");
            body.remove("stream_options");
        }
        return body;
    }

    /** The first choice of a completion, as the quality gates see it. */
    public Answer answerOf(JsonNode completion) {
        JsonNode choice = completion.path("choices").path(0);
        JsonNode message = choice.path("message");
        List<String> arguments = new ArrayList<>();
        for (JsonNode call : message.path("tool_calls")) {
            arguments.add(call.path("function").path("arguments").asString(""));
        }
        return new Answer(
                choice.path("finish_reason").asString(""),
                message.path("content").asString(""),
                message.path("refusal").asString(""),
                arguments,
                meanLogprob(choice.path("logprobs").path("content")));
    }

    private static OptionalDouble meanLogprob(JsonNode tokens) {
        if (!tokens.isArray() || tokens.isEmpty()) {
            return OptionalDouble.empty();
        }
        double sum = 0;
        for (JsonNode token : tokens) {
            sum += token.path("logprob").asDouble(0);
        }
        return OptionalDouble.of(sum / tokens.size());
    }

    /** The {@code usage} object of a completion or chunk, if it has one. */
    public Optional<Usage> usageOf(JsonNode node) {
        JsonNode usage = node.path("usage");
        if (!usage.isObject()) {
            return Optional.empty();
        }
        return Optional.of(new Usage(
                usage.path("prompt_tokens").asLong(0),
                usage.path("completion_tokens").asLong(0),
                usage.path("prompt_tokens_details").path("cached_tokens").asLong(0)));
    }

    public JsonNode parse(String chunk) {
        return json.readTree(chunk);
    }

    /** A chunk that only carries usage (empty choices), sent when include_usage was asked for. */
    public boolean isUsageOnly(JsonNode chunk) {
        return chunk.path("usage").isObject() && chunk.path("choices").isEmpty();
    }

    /** The text a chunk adds to the answer. */
    public String contentDelta(JsonNode chunk) {
        StringBuilder text = new StringBuilder();
        for (JsonNode choice : chunk.path("choices")) {
            text.append(choice.path("delta").path("content").asString(""));
        }
        return text.toString();
    }

    /**
     * A completion replayed as stream chunks: a role chunk, the content, the finish reason, usage when
     * asked for, then {@code [DONE]}. Used when the answer had to be complete before it could be sent
     * (a cascade checks it first).
     */
    public List<String> asChunks(ObjectNode completion, boolean includeUsage) {
        List<String> chunks = new ArrayList<>();
        JsonNode choice = completion.path("choices").path(0);
        JsonNode message = choice.path("message");
        ObjectNode delta = json.createObjectNode().put("role", "assistant");
        if (message.has("content") && !message.path("content").isNull()) {
            delta.put("content", message.path("content").asString(""));
        }
        if (message.has("tool_calls")) {
            ArrayNode calls = delta.putArray("tool_calls");
            int index = 0;
            for (JsonNode call : message.path("tool_calls")) {
                ObjectNode copy = ((ObjectNode) call).deepCopy();
                copy.put("index", index++);
                calls.add(copy);
            }
        }
        chunks.add(chunk(completion, delta, null).toString());
        chunks.add(chunk(
                        completion,
                        json.createObjectNode(),
                        choice.path("finish_reason").asString("stop"))
                .toString());
        if (includeUsage && completion.has("usage")) {
            ObjectNode usage = chunk(completion, null, null);
            usage.putArray("choices");
            usage.set("usage", completion.get("usage"));
            chunks.add(usage.toString());
        }
        chunks.add("[DONE]");
        return chunks;
    }

    /** A streamed plain-text answer put back together as the completion it would have been. */
    public ObjectNode completion(JsonNode firstChunk, String content, String finishReason, Usage usage) {
        ObjectNode completion = json.createObjectNode();
        completion.put("id", firstChunk.path("id").asString("chatcmpl-aigw"));
        completion.put("object", "chat.completion");
        completion.put("created", firstChunk.path("created").asLong(0));
        completion.put("model", firstChunk.path("model").asString(""));
        ObjectNode choice = completion.putArray("choices").addObject();
        choice.put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", content);
        choice.putNull("logprobs");
        choice.put("finish_reason", finishReason);
        completion
                .putObject("usage")
                .put("prompt_tokens", usage.promptTokens())
                .put("completion_tokens", usage.completionTokens())
                .put("total_tokens", usage.total());
        return completion;
    }

    private ObjectNode chunk(ObjectNode completion, ObjectNode delta, String finishReason) {
        ObjectNode chunk = json.createObjectNode();
        chunk.put("id", completion.path("id").asString("chatcmpl-aigw"));
        chunk.put("object", "chat.completion.chunk");
        chunk.put("created", completion.path("created").asLong(0));
        chunk.put("model", completion.path("model").asString(""));
        if (delta != null) {
            ObjectNode choice = chunk.putArray("choices").addObject();
            choice.put("index", 0);
            choice.set("delta", delta);
            if (finishReason == null) {
                choice.putNull("finish_reason");
            } else {
                choice.put("finish_reason", finishReason);
            }
        }
        return chunk;
    }
}
