package io.aigw.simulator.adapter.in.web;

import io.aigw.simulator.application.EmbeddingAnswer;
import io.aigw.simulator.application.Outcome;
import io.aigw.simulator.application.Simulator;
import io.aigw.simulator.domain.EmbeddingGenerator;
import io.aigw.simulator.domain.FailureKind;
import io.aigw.simulator.domain.ProfileRegistry;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** OpenAI-compatible {@code POST /v1/embeddings} and {@code GET /v1/models}. */
@RestController
final class OpenAiEmbeddingsController {

    private final Simulator simulator;
    private final WireJson json;
    private final ResponseWriter writer;

    OpenAiEmbeddingsController(Simulator simulator, WireJson json, ResponseWriter writer) {
        this.simulator = simulator;
        this.json = json;
        this.writer = writer;
    }

    @PostMapping("/v1/embeddings")
    Mono<Void> embed(@RequestBody(required = false) String body, ServerWebExchange exchange) {
        return Mono.defer(() -> respond(json.parseObject(body), exchange))
                .onErrorResume(
                        InvalidRequestException.class, e -> writer.json(exchange, 400, OpenAiErrors.invalidRequest(e)));
    }

    @GetMapping("/v1/models")
    Mono<Void> models(ServerWebExchange exchange) {
        List<OpenAiWire.ModelEntry> models = simulator.profiles().names().stream()
                .filter(name -> !ProfileRegistry.DEFAULT.equals(name))
                .map(name -> new OpenAiWire.ModelEntry(name, "model", 0, "provider-simulator"))
                .toList();
        return writer.json(exchange, 200, new OpenAiWire.ModelList("list", models));
    }

    private Mono<Void> respond(JsonNode body, ServerWebExchange exchange) {
        String model = JsonFields.requiredString(body, "model");
        List<String> inputs = inputs(body.get("input"));
        Integer requested = JsonFields.optionalInt(body, "dimensions", 1, EmbeddingGenerator.MAX_DIMENSIONS);
        int dimensions = requested != null ? requested : EmbeddingGenerator.DEFAULT_DIMENSIONS;
        String format = JsonFields.optionalString(body, "encoding_format", "float");
        if (!format.equals("float") && !format.equals("base64")) {
            throw new InvalidRequestException(
                    "Invalid 'encoding_format': '" + format + "'; expected 'float' or 'base64'.", "encoding_format");
        }
        Outcome<EmbeddingAnswer> outcome = simulator.embed(model, inputs, dimensions);
        HttpHeaders headers = exchange.getResponse().getHeaders();
        if (outcome instanceof Outcome.Refused<EmbeddingAnswer> refused) {
            RateLimitHeaders.openAi(headers, refused.limit());
            return writer.json(exchange, 429, OpenAiErrors.rateLimited(model, refused.limit()));
        }
        if (outcome instanceof Outcome.Faulted<EmbeddingAnswer> faulted) {
            if (faulted.kind() == FailureKind.RATE_LIMITED) {
                RateLimitHeaders.openAi(headers, faulted.limit());
                return writer.json(exchange, 429, OpenAiErrors.rateLimited(model, faulted.limit()));
            }
            return writer.json(exchange, faulted.kind().status(), OpenAiErrors.fault(faulted.kind()));
        }
        Outcome.Served<EmbeddingAnswer> served = (Outcome.Served<EmbeddingAnswer>) outcome;
        RateLimitHeaders.openAi(headers, served.limit());
        headers.set("x-sim-profile", served.profileName());
        List<OpenAiWire.Embedding> data = new ArrayList<>();
        List<float[]> vectors = served.answer().vectors();
        for (int i = 0; i < vectors.size(); i++) {
            Object encoded = format.equals("base64") ? base64(vectors.get(i)) : vectors.get(i);
            data.add(new OpenAiWire.Embedding("embedding", i, encoded));
        }
        int tokens = served.answer().promptTokens();
        return writer.json(
                exchange,
                200,
                new OpenAiWire.EmbeddingList("list", data, model, new OpenAiWire.EmbeddingUsage(tokens, tokens)));
    }

    private static List<String> inputs(JsonNode input) {
        if (input == null || input.isNull()) {
            throw new InvalidRequestException("Missing required parameter: 'input'.", "input");
        }
        if (input.isString()) {
            return List.of(input.stringValue());
        }
        if (input.isArray() && !input.isEmpty()) {
            if (input.get(0).isIntegralNumber()) {
                return List.of(tokenIds(input));
            }
            List<String> texts = new ArrayList<>();
            for (JsonNode item : input) {
                if (item.isString()) {
                    texts.add(item.stringValue());
                } else if (item.isArray() && !item.isEmpty()) {
                    texts.add(tokenIds(item));
                } else {
                    throw new InvalidRequestException(
                            "Invalid 'input': expected a string, an array of strings or of token arrays.", "input");
                }
            }
            return texts;
        }
        throw new InvalidRequestException(
                "Invalid 'input': expected a string or a non-empty array of strings.", "input");
    }

    /** Token ids stand for a text the simulator cannot decode: their decimal forms, one per word. */
    private static String tokenIds(JsonNode ids) {
        StringBuilder text = new StringBuilder();
        for (JsonNode id : ids) {
            if (!id.isIntegralNumber()) {
                throw new InvalidRequestException("Invalid 'input': a token array holds only integers.", "input");
            }
            text.append(text.isEmpty() ? "" : " ").append(id.asString());
        }
        return text.toString();
    }

    /** The OpenAI base64 format: the vector's float32 values, little-endian, back to back. */
    static String base64(float[] vector) {
        ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float value : vector) {
            bytes.putFloat(value);
        }
        return Base64.getEncoder().encodeToString(bytes.array());
    }
}
