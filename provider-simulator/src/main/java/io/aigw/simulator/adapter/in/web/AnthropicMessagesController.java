package io.aigw.simulator.adapter.in.web;

import io.aigw.simulator.application.ChatAnswer;
import io.aigw.simulator.application.Outcome;
import io.aigw.simulator.application.Simulator;
import io.aigw.simulator.domain.FailureKind;
import io.aigw.simulator.domain.FinishReason;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Anthropic-compatible {@code POST /v1/messages}, as JSON or as Anthropic's event stream. */
@RestController
final class AnthropicMessagesController {

    private final Simulator simulator;
    private final WireJson json;
    private final ResponseWriter writer;
    private final Delivery delivery;

    AnthropicMessagesController(Simulator simulator, WireJson json, ResponseWriter writer, Delivery delivery) {
        this.simulator = simulator;
        this.json = json;
        this.writer = writer;
        this.delivery = delivery;
    }

    @PostMapping("/v1/messages")
    Mono<Void> create(@RequestBody(required = false) String body, ServerWebExchange exchange) {
        return Mono.defer(() -> respond(AnthropicMessagesRequest.parse(json.parseObject(body)), exchange))
                .onErrorResume(
                        InvalidRequestException.class,
                        e -> writer.json(exchange, 400, AnthropicErrors.invalidRequest(e)));
    }

    private Mono<Void> respond(AnthropicMessagesRequest request, ServerWebExchange exchange) {
        Outcome<ChatAnswer> outcome = simulator.chat(request.call(), "messages");
        HttpHeaders headers = exchange.getResponse().getHeaders();
        String id = "msg_sim_" + UUID.randomUUID().toString().replace("-", "");
        headers.set("request-id", "req_sim_" + UUID.randomUUID().toString().replace("-", ""));
        if (outcome instanceof Outcome.Refused<ChatAnswer> refused) {
            RateLimitHeaders.anthropic(
                    headers, refused.limit(), simulator.clock().instant());
            return writer.json(
                    exchange, 429, AnthropicErrors.rateLimited(refused.limit().rejectedBy()));
        }
        if (outcome instanceof Outcome.Faulted<ChatAnswer> faulted) {
            if (faulted.kind() == FailureKind.RATE_LIMITED) {
                RateLimitHeaders.anthropic(
                        headers, faulted.limit(), simulator.clock().instant());
            }
            return writer.json(exchange, faulted.kind().status(), AnthropicErrors.fault(faulted.kind()));
        }
        Outcome.Served<ChatAnswer> served = (Outcome.Served<ChatAnswer>) outcome;
        RateLimitHeaders.anthropic(headers, served.limit(), simulator.clock().instant());
        SimulatorHeaders.describe(headers, served.profileName(), served.answer());
        String model = request.call().model();
        Mono<Void> answer = request.stream() ? stream(exchange, served, id, model) : whole(exchange, served, id, model);
        return delivery.afterHang(served, answer);
    }

    private Mono<Void> whole(ServerWebExchange exchange, Outcome.Served<ChatAnswer> served, String id, String model) {
        ChatAnswer answer = served.answer();
        AnthropicWire.Message message = new AnthropicWire.Message(
                id,
                "message",
                "assistant",
                List.of(new AnthropicWire.TextBlock("text", answer.text().text())),
                model,
                stopReason(answer.text().finishReason()),
                null,
                new AnthropicWire.Usage(answer.promptTokens(), answer.text().completionTokens()));
        return delivery.wholeAnswer(served.profile(), answer.text().completionTokens())
                .then(
                        served.fault() == FailureKind.STREAM_CUT
                                ? writer.cutJson(exchange, message)
                                : writer.json(exchange, 200, message));
    }

    private Mono<Void> stream(ServerWebExchange exchange, Outcome.Served<ChatAnswer> served, String id, String model) {
        ChatAnswer answer = served.answer();
        // Anthropic reports the input tokens up front and a provisional output count of 1.
        AnthropicWire.Message start = new AnthropicWire.Message(
                id,
                "message",
                "assistant",
                List.of(),
                model,
                null,
                null,
                new AnthropicWire.Usage(answer.promptTokens(), 1));
        List<String> head = List.of(
                event("message_start", new AnthropicWire.MessageStart("message_start", start)),
                event(
                        "content_block_start",
                        new AnthropicWire.ContentBlockStart(
                                "content_block_start", 0, new AnthropicWire.TextBlock("text", ""))),
                event("ping", new AnthropicWire.Ping("ping")));
        List<String> body = answer.text().pieces().stream()
                .map(piece -> event(
                        "content_block_delta",
                        new AnthropicWire.ContentBlockDelta(
                                "content_block_delta", 0, new AnthropicWire.TextDelta("text_delta", piece))))
                .toList();
        List<String> tail = List.of(
                event("content_block_stop", new AnthropicWire.ContentBlockStop("content_block_stop", 0)),
                event(
                        "message_delta",
                        new AnthropicWire.MessageDelta(
                                "message_delta",
                                new AnthropicWire.StopDelta(
                                        stopReason(answer.text().finishReason()), null),
                                new AnthropicWire.OutputUsage(answer.text().completionTokens()))),
                event("message_stop", new AnthropicWire.MessageStop("message_stop")));
        return writer.eventStream(
                exchange,
                delivery.stream(served.profile(), head, body, tail, served.fault() == FailureKind.STREAM_CUT));
    }

    private String event(String name, Object data) {
        return "event: " + name + "\ndata: " + writer.toJson(data) + "\n\n";
    }

    private static String stopReason(FinishReason reason) {
        return reason == FinishReason.LENGTH ? "max_tokens" : "end_turn";
    }
}
