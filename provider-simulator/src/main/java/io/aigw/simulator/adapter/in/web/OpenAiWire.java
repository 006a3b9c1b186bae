package io.aigw.simulator.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** OpenAI wire shapes, written with snake_case names by {@link WireJson}. */
final class OpenAiWire {

    private OpenAiWire() {}

    record ChatCompletion(
            String id,
            String object,
            long created,
            String model,
            List<Choice> choices,
            Usage usage,
            String systemFingerprint) {}

    record Choice(int index, Message message, Object logprobs, String finishReason) {}

    record Message(String role, String content, Object refusal) {}

    record Usage(int promptTokens, int completionTokens, int totalTokens) {}

    record Chunk(
            String id,
            String object,
            long created,
            String model,
            String systemFingerprint,
            List<ChunkChoice> choices,
            @JsonInclude(JsonInclude.Include.NON_NULL) Usage usage) {}

    record ChunkChoice(int index, Delta delta, Object logprobs, String finishReason) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Delta(String role, String content) {}

    record EmbeddingList(String object, List<Embedding> data, String model, EmbeddingUsage usage) {}

    /** {@code embedding} is a float array, or a base64 string of little-endian float32 values. */
    record Embedding(String object, int index, Object embedding) {}

    record EmbeddingUsage(int promptTokens, int totalTokens) {}

    record ModelList(String object, List<ModelEntry> data) {}

    record ModelEntry(String id, String object, long created, String ownedBy) {}

    record ErrorBody(Error error) {}

    record Error(String message, String type, String param, String code) {}
}
