package io.aigw.simulator.adapter.in.web;

import io.aigw.simulator.application.ChatAnswer;
import io.aigw.simulator.application.Outcome;
import io.aigw.simulator.application.Simulator;
import io.aigw.simulator.domain.FailureKind;
import io.aigw.simulator.domain.FinishReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** OpenAI-compatible {@code POST /v1/chat/completions}, as JSON or as a server-sent event stream. */
@RestController
final class OpenAiChatController {

    private static final String FINGERPRINT = "fp_simulator";

    private final Simulator simulator;
    private final WireJson json;
    private final ResponseWriter writer;
    private final Delivery delivery;

    OpenAiChatController(Simulator simulator, WireJson json, ResponseWriter writer, Delivery delivery) {
        this.simulator = simulator;
        this.json = json;
        this.writer = writer;
        this.delivery = delivery;
    }

    @PostMapping("/v1/chat/completions")
    Mono<Void> complete(@RequestBody(required = false) String body, ServerWebExchange exchange) {
        return Mono.defer(() -> respond(OpenAiChatRequest.parse(json.parseObject(body)), exchange))
                .onErrorResume(
                        InvalidRequestException.class, e -> writer.json(exchange, 400, OpenAiErrors.invalidRequest(e)));
    }

    private Mono<Void> respond(OpenAiChatRequest request, ServerWebExchange exchange) {
        String model = request.call().model();
        Outcome<ChatAnswer> outcome = simulator.chat(request.call(), "chat");
        HttpHeaders headers = exchange.getResponse().getHeaders();
        String id = "chatcmpl-" + UUID.randomUUID().toString().replace("-", "");
        headers.set("x-request-id", id);
        if (outcome instanceof Outcome.Refused<ChatAnswer> refused) {
            RateLimitHeaders.openAi(headers, refused.limit());
            return writer.json(exchange, 429, OpenAiErrors.rateLimited(model, refused.limit()));
        }
        if (outcome instanceof Outcome.Faulted<ChatAnswer> faulted) {
            return fault(exchange, model, faulted);
        }
        Outcome.Served<ChatAnswer> served = (Outcome.Served<ChatAnswer>) outcome;
        RateLimitHeaders.openAi(headers, served.limit());
        SimulatorHeaders.describe(headers, served.profileName(), served.answer());
        long created = simulator.clock().instant().getEpochSecond();
        Mono<Void> answer = request.stream()
                ? stream(exchange, served, new ChunkFactory(id, created, model), request.includeUsage())
                : whole(exchange, served, id, created, model);
        return delivery.afterHang(served, answer);
    }

    private Mono<Void> fault(ServerWebExchange exchange, String model, Outcome.Faulted<ChatAnswer> faulted) {
        if (faulted.kind() == FailureKind.RATE_LIMITED) {
            RateLimitHeaders.openAi(exchange.getResponse().getHeaders(), faulted.limit());
            return writer.json(exchange, 429, OpenAiErrors.rateLimited(model, faulted.limit()));
        }
        return writer.json(exchange, faulted.kind().status(), OpenAiErrors.fault(faulted.kind()));
    }

    private Mono<Void> whole(
            ServerWebExchange exchange, Outcome.Served<ChatAnswer> served, String id, long created, String model) {
        ChatAnswer answer = served.answer();
        OpenAiWire.ChatCompletion completion = new OpenAiWire.ChatCompletion(
                id,
                "chat.completion",
                created,
                model,
                List.of(new OpenAiWire.Choice(
                        0,
                        new OpenAiWire.Message("assistant", answer.text().text(), null),
                        null,
                        finishReason(answer.text().finishReason()))),
                usage(answer),
                FINGERPRINT);
        return delivery.wholeAnswer(served.profile(), answer.text().completionTokens())
                .then(
                        served.fault() == FailureKind.STREAM_CUT
                                ? writer.cutJson(exchange, completion)
                                : writer.json(exchange, 200, completion));
    }

    private Mono<Void> stream(
            ServerWebExchange exchange, Outcome.Served<ChatAnswer> served, ChunkFactory chunks, boolean includeUsage) {
        ChatAnswer answer = served.answer();
        List<String> head = List.of(event(chunks.delta(new OpenAiWire.Delta("assistant", ""), null)));
        List<String> body = answer.text().pieces().stream()
                .map(piece -> event(chunks.delta(new OpenAiWire.Delta(null, piece), null)))
                .toList();
        List<String> tail = new ArrayList<>();
        tail.add(event(chunks.delta(
                new OpenAiWire.Delta(null, null), finishReason(answer.text().finishReason()))));
        if (includeUsage) {
            tail.add(event(chunks.usage(usage(answer))));
        }
        tail.add("data: [DONE]\n\n");
        return writer.eventStream(
                exchange,
                delivery.stream(served.profile(), head, body, tail, served.fault() == FailureKind.STREAM_CUT));
    }

    private String event(Object chunk) {
        return "data: " + writer.toJson(chunk) + "\n\n";
    }

    private static OpenAiWire.Usage usage(ChatAnswer answer) {
        return new OpenAiWire.Usage(answer.promptTokens(), answer.text().completionTokens(), answer.totalTokens());
    }

    private static String finishReason(FinishReason reason) {
        return reason.name().toLowerCase(Locale.ROOT);
    }

    /** Chunks of one stream share id, timestamp and model. */
    private record ChunkFactory(String id, long created, String model) {

        OpenAiWire.Chunk delta(OpenAiWire.Delta delta, String finishReason) {
            return new OpenAiWire.Chunk(
                    id,
                    "chat.completion.chunk",
                    created,
                    model,
                    FINGERPRINT,
                    List.of(new OpenAiWire.ChunkChoice(0, delta, null, finishReason)),
                    null);
        }

        OpenAiWire.Chunk usage(OpenAiWire.Usage usage) {
            return new OpenAiWire.Chunk(id, "chat.completion.chunk", created, model, FINGERPRINT, List.of(), usage);
        }
    }
}
