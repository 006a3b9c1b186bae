package io.aigw.cache.adapter.in.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every error of the cache API as an RFC 9457 problem detail with a stable {@code type}
 * ({@code urn:aigw:problem:<slug>}); never a stack trace and never a 500: what is not the caller's
 * fault is the cache being unavailable (503), which callers treat as a miss.
 */
@Order(-2)
public final class ProblemWebExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemWebExceptionHandler.class);

    private final JsonMapper json;

    public ProblemWebExceptionHandler(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        ProblemDetail problem = toProblem(error);
        problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        byte[] body = json.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
        exchange.getResponse().setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
        exchange.getResponse().getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        DataBuffer buffer = exchange.getResponse().bufferFactory().wrap(body);
        return exchange.getResponse().writeWith(Mono.just(buffer));
    }

    static ProblemDetail toProblem(Throwable error) {
        if (error instanceof CacheRequestException bad) {
            ProblemDetail problem =
                    problem(HttpStatus.BAD_REQUEST, bad.problem(), "Bad cache request", bad.getMessage());
            if (bad.pointer() != null) {
                problem.setProperty("pointer", bad.pointer());
            }
            return problem;
        }
        if (error instanceof InternalTokenWebFilter.InternalCallOnlyException) {
            return problem(HttpStatus.UNAUTHORIZED, "internal-call-only", "Internal calls only", error.getMessage());
        }
        if (error instanceof ResponseStatusException status) {
            HttpStatus code = HttpStatus.resolve(status.getStatusCode().value());
            if (code != null && code.is4xxClientError()) {
                return problem(code, slug(code), code.getReasonPhrase(), status.getReason());
            }
        }
        log.warn("cache API call failed: {}", error.toString());
        return problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "cache-unavailable",
                "Cache unavailable",
                "The cache could not complete the call; treat it as a miss and retry later.");
    }

    private static ProblemDetail problem(HttpStatus status, String slug, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail == null ? title : detail);
        problem.setType(URI.create("urn:aigw:problem:" + slug));
        problem.setTitle(title);
        return problem;
    }

    private static String slug(HttpStatus status) {
        return status.getReasonPhrase().toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
    }
}
