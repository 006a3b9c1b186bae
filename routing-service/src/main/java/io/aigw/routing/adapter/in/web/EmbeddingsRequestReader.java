package io.aigw.routing.adapter.in.web;

import io.aigw.routing.domain.Capability;
import io.aigw.routing.domain.ChatRequest;
import io.aigw.routing.domain.Prompt;
import io.aigw.routing.domain.ResponseFormat;
import io.aigw.routing.domain.RoutingException.InvalidRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a client's embeddings body as OpenAI documents it: {@code input} a string, an array of
 * strings, an array of token ids or an array of such arrays (at most {@value #MAX_INPUTS} inputs);
 * {@code encoding_format} {@code float} or {@code base64} (the official SDKs ask for base64 and
 * decode it themselves, so it must reach the provider as sent); {@code dimensions} positive. Anything
 * wrong is refused here, so a provider never gets a body it would answer with a 400 of its own.
 */
final class EmbeddingsRequestReader {

    /** OpenAI's limit on inputs per request. */
    static final int MAX_INPUTS = 2048;

    private final JsonMapper json;

    EmbeddingsRequestReader(JsonMapper json) {
        this.json = json;
    }

    ChatRequestReader.Parsed read(String text) {
        ObjectNode body = ChatRequestReader.object(json, text);
        String model = ChatRequestReader.requiredString(body, "model");
        List<String> inputs = inputs(body.get("input"));
        JsonNode format = body.get("encoding_format");
        if (format != null
                && !format.isNull()
                && !(format.isString()
                        && (format.stringValue().equals("float")
                                || format.stringValue().equals("base64")))) {
            throw new InvalidRequest("'encoding_format' must be 'float' or 'base64'.", "encoding_format");
        }
        ChatRequestReader.positiveInt(body, "dimensions");
        JsonNode user = body.get("user");
        if (user != null && !user.isNull() && !user.isString()) {
            throw new InvalidRequest("'user' must be a string.", "user");
        }
        ChatRequest request = new ChatRequest(
                model,
                false,
                false,
                // nothing is generated: the estimate and the hold are the input alone
                OptionalInt.of(0),
                Set.of(Capability.EMBEDDINGS),
                ResponseFormat.TEXT,
                new Prompt(inputs, 0, List.of()));
        return new ChatRequestReader.Parsed(request, body);
    }

    /** The inputs as texts for the token estimate; token ids count as one word each. */
    private static List<String> inputs(JsonNode input) {
        if (input == null || input.isNull()) {
            throw new InvalidRequest("Missing required parameter: 'input'.", "input");
        }
        if (input.isString()) {
            return List.of(nonEmpty(input, "input"));
        }
        if (!input.isArray() || input.isEmpty()) {
            throw new InvalidRequest(
                    "'input' must be a non-empty string or a non-empty array of strings or token arrays.", "input");
        }
        if (input.size() > MAX_INPUTS) {
            throw new InvalidRequest("'input' must not hold more than " + MAX_INPUTS + " items.", "input");
        }
        if (input.get(0).isIntegralNumber()) {
            return List.of(tokens(input, "input"));
        }
        List<String> texts = new ArrayList<>(input.size());
        for (int i = 0; i < input.size(); i++) {
            JsonNode item = input.get(i);
            String param = "input[" + i + "]";
            if (item.isString()) {
                texts.add(nonEmpty(item, param));
            } else if (item.isArray() && !item.isEmpty()) {
                texts.add(tokens(item, param));
            } else {
                throw new InvalidRequest(
                        "'" + param + "' must be a non-empty string or a non-empty array of token ids.", param);
            }
        }
        return texts;
    }

    private static String nonEmpty(JsonNode text, String param) {
        if (text.stringValue().isEmpty()) {
            throw new InvalidRequest("'" + param + "' must not be empty.", param);
        }
        return text.stringValue();
    }

    private static String tokens(JsonNode ids, String param) {
        for (JsonNode id : ids) {
            if (!id.isIntegralNumber() || !id.canConvertToInt() || id.intValue() < 0) {
                throw new InvalidRequest("'" + param + "' must hold only non-negative integer token ids.", param);
            }
        }
        return StreamSupport.stream(ids.spliterator(), false).map(id -> "t").collect(Collectors.joining(" "));
    }
}
