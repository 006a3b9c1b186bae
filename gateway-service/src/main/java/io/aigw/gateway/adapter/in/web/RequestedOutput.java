package io.aigw.gateway.adapter.in.web;

import java.util.OptionalLong;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the output limit a request asks for ({@code max_completion_tokens}, else {@code max_tokens})
 * from the top level of its JSON body, streaming: nested objects such as {@code messages} are skipped,
 * not built. A body that is not JSON asks for nothing; routing answers it with its own 400.
 */
final class RequestedOutput {

    private final JsonMapper json;

    RequestedOutput(JsonMapper json) {
        this.json = json;
    }

    OptionalLong of(byte[] body) {
        if (body.length == 0) {
            return OptionalLong.empty();
        }
        Long maxTokens = null;
        Long maxCompletionTokens = null;
        try (JsonParser parser = json.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return OptionalLong.empty();
            }
            for (JsonToken token = parser.nextToken(); token == JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.VALUE_NUMBER_INT && "max_tokens".equals(name)) {
                    maxTokens = parser.getLongValue();
                } else if (value == JsonToken.VALUE_NUMBER_INT && "max_completion_tokens".equals(name)) {
                    maxCompletionTokens = parser.getLongValue();
                } else {
                    parser.skipChildren();
                }
            }
        } catch (JacksonException notJson) {
            return OptionalLong.empty();
        }
        Long asked = maxCompletionTokens != null ? maxCompletionTokens : maxTokens;
        return asked == null ? OptionalLong.empty() : OptionalLong.of(asked);
    }
}
