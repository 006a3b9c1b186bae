package io.aigw.billing.adapter.in.web;

import io.aigw.billing.domain.BillingException;
import io.lettuce.core.RedisException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.codec.CodecException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one place where errors of {@code /admin/**} and {@code /internal/**} become RFC 9457 problem
 * details (ADR 0006): billing's own exceptions, bad input that Spring rejects before a controller
 * runs, unknown routes, and anything unexpected, which is logged and answered without internals.
 * Ordered before Boot's handler, which would answer its own error shape; other paths (actuator) keep
 * Boot's.
 */
@Order(-2)
public class ProblemWebExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemWebExceptionHandler.class);

    private final JsonMapper json;

    public ProblemWebExceptionHandler(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        String path = exchange.getRequest().getPath().value();
        ServerHttpResponse response = exchange.getResponse();
        boolean api = RequestPaths.isUnder(exchange, "admin") || RequestPaths.isUnder(exchange, "internal");
        if (!api || response.isCommitted()) {
            return Mono.error(error);
        }
        Problem problem = problem(error, path);
        if (error instanceof Unauthenticated unauthenticated && unauthenticated.challenge() != null) {
            response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, unauthenticated.challenge());
        }
        response.setStatusCode(HttpStatus.valueOf(problem.status()));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] body = json.writeValueAsBytes(problem);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    static Problem problem(Throwable error, String path) {
        if (error instanceof BillingException.InvalidInput invalid) {
            return ProblemType.INVALID_INPUT.problem(invalid.getMessage(), path, invalid.field());
        }
        if (error instanceof BillingException.NotFound) {
            return ProblemType.NOT_FOUND.problem(error.getMessage(), path, null);
        }
        if (error instanceof BillingException.Conflict) {
            return ProblemType.CONFLICT.problem(error.getMessage(), path, null);
        }
        if (error instanceof BillingException.BudgetExhausted) {
            return ProblemType.BUDGET_EXHAUSTED.problem(error.getMessage(), path, null);
        }
        if (error instanceof Unauthenticated) {
            return ProblemType.UNAUTHORIZED.problem(error.getMessage(), path, null);
        }
        if (error instanceof Forbidden) {
            return ProblemType.FORBIDDEN.problem(error.getMessage(), path, null);
        }
        if (error instanceof ServerWebInputException input) {
            return ProblemType.INVALID_INPUT.problem(inputDetail(input), path, null);
        }
        if (error instanceof CodecException) {
            return ProblemType.INVALID_INPUT.problem("the body is not valid JSON for this request", path, null);
        }
        if (error instanceof MethodNotAllowedException) {
            return ProblemType.METHOD_NOT_ALLOWED.problem("method not allowed on " + path, path, null);
        }
        if (error instanceof NotAcceptableStatusException) {
            return ProblemType.NOT_ACCEPTABLE.problem(
                    "this resource is available as application/json (and text/csv for reports)", path, null);
        }
        if (error instanceof UnsupportedMediaTypeStatusException) {
            return ProblemType.UNSUPPORTED_MEDIA_TYPE.problem("send application/json", path, null);
        }
        if (isRedisDown(error)) {
            log.warn("Redis is unavailable for {}: {}", path, error.toString());
            return ProblemType.UNAVAILABLE.problem("a backing store is unavailable; retry later", path, null);
        }
        if (error instanceof ResponseStatusException status
                && status.getStatusCode().value() == 404) {
            return ProblemType.NOT_FOUND.problem("no such resource: " + path, path, null);
        }
        log.error("Unexpected error on {}", path, error);
        return ProblemType.INTERNAL.problem("internal error; see the billing log", path, null);
    }

    private static boolean isRedisDown(Throwable error) {
        return error instanceof RedisConnectionFailureException
                || error instanceof QueryTimeoutException
                || error instanceof RedisException;
    }

    /** Spring's reason names the parameter or says the body is unreadable, never internals. */
    private static String inputDetail(ServerWebInputException input) {
        String reason = input.getReason();
        return reason == null || reason.isBlank() ? "the request is not valid" : reason;
    }
}
