package io.aigw.routing.adapter.in.web;

import io.aigw.api.AigwHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import reactor.netty.channel.AbortedException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers every failure with the OpenAI error body, never Boot's default error page or a stack trace.
 * Runs before Boot's own handler (order -1).
 */
@Order(-2)
public class OpenAiErrorWebExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(OpenAiErrorWebExceptionHandler.class);

    private final JsonMapper json;

    public OpenAiErrorWebExceptionHandler(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(error);
        }
        if (callerGone(error)) {
            // the gateway closed the connection (its client hung up, or it gave the connection up): no
            // one is left to answer, and it is not a failure of routing's
            log.debug("request {}: the caller closed the connection: {}", requestId(exchange), error.toString());
            return Mono.empty();
        }
        OpenAiErrors.Answer answer = OpenAiErrors.of(error);
        if (answer.status() >= 500) {
            String requestId = requestId(exchange);
            if (answer.status() == 500) {
                log.error("request {} failed", requestId, error);
            } else {
                log.warn("request {} failed: {}", requestId, error.getMessage());
            }
        }
        response.setStatusCode(HttpStatus.valueOf(answer.status()));
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        if (answer.retryAfter() != null) {
            // whole seconds, rounded up: retry-after has no fractions
            long seconds = Math.max(1, (answer.retryAfter().toMillis() + 999) / 1000);
            response.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        }
        byte[] bytes = json.writeValueAsBytes(answer.body());
        return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
    }

    private static String requestId(ServerWebExchange exchange) {
        return exchange.getRequest().getHeaders().getFirst(AigwHeaders.REQUEST_ID);
    }

    /**
     * Whether the connection the request came on closed while it was read (Reactor Netty's {@link
     * AbortedException}; a provider's failures reach here as routing's own exceptions, never as this).
     */
    private static boolean callerGone(Throwable error) {
        return error instanceof AbortedException || OpenAiErrors.hasCause(error, AbortedException.class);
    }
}
