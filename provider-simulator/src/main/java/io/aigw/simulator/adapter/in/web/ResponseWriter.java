package io.aigw.simulator.adapter.in.web;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Writes answers byte for byte. The simulator needs control that a returned body would not give: {@code data: }
 * lines exactly as the providers write them, a flush per event, and a connection dropped mid-answer.
 */
@Component
final class ResponseWriter {

    static final MediaType EVENT_STREAM = new MediaType("text", "event-stream", StandardCharsets.UTF_8);

    private final WireJson json;

    ResponseWriter(WireJson json) {
        this.json = json;
    }

    Mono<Void> json(ServerWebExchange exchange, int status, Object body) {
        ServerHttpResponse response = prepare(exchange, status, MediaType.APPLICATION_JSON);
        byte[] bytes = json.write(body);
        return response.writeWith(
                Mono.fromSupplier(() -> response.bufferFactory().wrap(bytes)));
    }

    /** An RFC 9457 problem detail, as the internal and control APIs answer errors. */
    Mono<Void> problem(ServerWebExchange exchange, ControlViews.Problem problem) {
        ServerHttpResponse response = prepare(exchange, problem.status(), MediaType.APPLICATION_PROBLEM_JSON);
        byte[] bytes = json.write(problem);
        return response.writeWith(
                Mono.fromSupplier(() -> response.bufferFactory().wrap(bytes)));
    }

    /** Writes the JSON body only half-way, then drops the connection. */
    Mono<Void> cutJson(ServerWebExchange exchange, Object body) {
        ServerHttpResponse response = prepare(exchange, 200, MediaType.APPLICATION_JSON);
        byte[] bytes = json.write(body);
        byte[] half = Arrays.copyOf(bytes, bytes.length / 2);
        return response.writeAndFlushWith(Flux.concat(
                Mono.just(Mono.fromSupplier(() -> response.bufferFactory().wrap(half))),
                Mono.error(new StreamCutException())));
    }

    /**
     * Streams server-sent events, flushing each. If {@code events} ends in a {@link StreamCutException} the
     * connection closes without the terminating chunk, which is what a client sees when a provider dies mid-stream.
     */
    Mono<Void> eventStream(ServerWebExchange exchange, Flux<String> events) {
        ServerHttpResponse response = prepare(exchange, 200, EVENT_STREAM);
        response.getHeaders().setCacheControl("no-cache");
        return response.writeAndFlushWith(events.map(event ->
                Mono.fromSupplier(() -> response.bufferFactory().wrap(event.getBytes(StandardCharsets.UTF_8)))));
    }

    String toJson(Object value) {
        return json.writeString(value);
    }

    private static ServerHttpResponse prepare(ServerWebExchange exchange, int status, MediaType type) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatusCode.valueOf(status));
        response.getHeaders().setContentType(type);
        return response;
    }

    /** Signals the injected end of an answer; carries no stack trace because nothing went wrong. */
    static final class StreamCutException extends RuntimeException {
        StreamCutException() {
            super("stream-cut fault injected: connection closed mid-answer", null, false, false);
        }
    }
}
