package io.aigw.gateway.adapter.in.web;

import io.aigw.api.AigwHeaders;
import io.aigw.api.ErrorKind;
import io.aigw.api.OpenAiError;
import io.aigw.gateway.application.KeysUnavailable;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.channels.NotYetConnectedException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import reactor.netty.channel.AbortedException;
import reactor.netty.http.client.PrematureCloseException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers every failure at the edge with the OpenAI error body: refused keys, oversized bodies,
 * unknown paths, and an internal service that cannot be reached. A failure on the admin API ({@code
 * /admin/**}: a refused path, an oversized body, billing unreachable) is answered as an RFC 9457
 * problem detail instead, the admin API's dialect (ADR 0006). Runs before Boot's own handler.
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
        OpenAiError body = toBody(exchange, error);
        response.setStatusCode(HttpStatus.valueOf(statusOf(error)));
        Object requestId = exchange.getAttributes().get(AigwHeaders.REQUEST_ID);
        if (requestId != null) {
            response.getHeaders().set(AigwHeaders.REQUEST_ID, requestId.toString());
        }
        byte[] bytes;
        if (isAdmin(exchange)) {
            response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
            bytes = json.writeValueAsBytes(problem(body, kindOf(error), exchange));
        } else {
            response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
            bytes = json.writeValueAsBytes(body);
        }
        return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
    }

    private static boolean isAdmin(ServerWebExchange exchange) {
        List<PathContainer.Element> elements =
                exchange.getRequest().getPath().pathWithinApplication().elements();
        return elements.size() > 1
                && elements.get(1) instanceof PathContainer.PathSegment first
                && first.valueToMatch().equals("admin");
    }

    /** The same error as billing's problem details: a stable type URN per kind. */
    private static Map<String, Object> problem(OpenAiError body, ErrorKind kind, ServerWebExchange exchange) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "urn:aigw:gateway:problem:" + kind.code().replace('_', '-'));
        problem.put("title", HttpStatus.valueOf(kind.status()).getReasonPhrase());
        problem.put("status", kind.status());
        problem.put("detail", body.error().message());
        problem.put("instance", exchange.getRequest().getPath().value());
        return problem;
    }

    private static ErrorKind kindOf(Throwable error) {
        if (error instanceof GatewayRejection rejection) {
            return rejection.kind();
        }
        if (error instanceof KeysUnavailable) {
            return ErrorKind.NO_CAPACITY;
        }
        if (causedBy(error, TimeoutException.class)) {
            return ErrorKind.UPSTREAM_TIMEOUT;
        }
        if (causedBy(error, ConnectException.class)
                || causedBy(error, NotYetConnectedException.class)
                || causedBy(error, PrematureCloseException.class)
                || causedBy(error, AbortedException.class)
                || causedBy(error, IOException.class)) {
            // could not connect, or the connection closed or was reset before routing answered (a replica
            // died): a 502, never a 500, whichever of Netty's exceptions says so (NotYetConnectedException
            // and AbortedException are not IOExceptions)
            return ErrorKind.UPSTREAM_ERROR;
        }
        if (error instanceof ResponseStatusException status) {
            return switch (status.getStatusCode().value()) {
                case 404 -> ErrorKind.NOT_FOUND;
                case 405 -> ErrorKind.METHOD_NOT_ALLOWED;
                case 413 -> ErrorKind.REQUEST_TOO_LARGE;
                case 503 -> ErrorKind.NO_CAPACITY;
                case 504 -> ErrorKind.UPSTREAM_TIMEOUT;
                default -> status.getStatusCode().is4xxClientError() ? ErrorKind.INVALID_REQUEST : ErrorKind.INTERNAL;
            };
        }
        return ErrorKind.INTERNAL;
    }

    private static int statusOf(Throwable error) {
        return kindOf(error).status();
    }

    private OpenAiError toBody(ServerWebExchange exchange, Throwable error) {
        ErrorKind kind = kindOf(error);
        String message =
                switch (kind) {
                    case UPSTREAM_ERROR -> "The gateway could not reach the routing service.";
                    case UPSTREAM_TIMEOUT -> "The routing service did not answer in time.";
                    case NOT_FOUND -> "Unknown path " + exchange.getRequest().getPath() + ".";
                    case INTERNAL -> "The gateway failed to process the request.";
                    default -> error instanceof GatewayRejection || error instanceof KeysUnavailable
                            ? error.getMessage()
                            : kind.code().replace('_', ' ') + ".";
                };
        if (kind.status() >= 500) {
            Object requestId = exchange.getAttributes().get(AigwHeaders.REQUEST_ID);
            if (kind == ErrorKind.INTERNAL) {
                log.error("request {} failed", requestId, error);
            } else {
                log.warn("request {} failed: {}", requestId, error.toString());
            }
        }
        return OpenAiError.of(kind, message);
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
