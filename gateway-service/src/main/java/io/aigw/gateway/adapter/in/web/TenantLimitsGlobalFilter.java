package io.aigw.gateway.adapter.in.web;

import io.aigw.api.AigwHeaders;
import io.aigw.api.ErrorKind;
import io.aigw.gateway.application.Admission;
import io.aigw.gateway.application.TenantLimits;
import io.aigw.gateway.domain.KeyOwner;
import io.aigw.gateway.domain.OpenAiDuration;
import io.aigw.gateway.domain.RateLimitStatus;
import io.aigw.gateway.domain.TokenEstimate;
import java.nio.ByteBuffer;
import java.util.OptionalLong;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tenant's plan at the edge, after the key check: the request is charged one request and its
 * estimated tokens (so its body is read once, bounded by the size limit, and replayed to routing), is
 * refused with 429 when it does not fit, and is settled to its real tokens when the answer's
 * headers arrive. Every answer of a limited tenant carries OpenAI's {@code x-ratelimit-*} headers.
 *
 * <p>Settlement: the answer's {@code x-aigw-tokens} when routing sent it (prompt plus completion of
 * every attempt); else a failed answer (gateway error, or routing's 4xx/5xx without it) reached no
 * provider and gives its tokens back; else (streams, listings) the estimate stands.
 */
public class TenantLimitsGlobalFilter implements GlobalFilter, Ordered {

    /** After the edge filter, and inside Spring Cloud Gateway's filter that frees a cached body. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    static final String LIMIT_REQUESTS = "x-ratelimit-limit-requests";
    static final String REMAINING_REQUESTS = "x-ratelimit-remaining-requests";
    static final String RESET_REQUESTS = "x-ratelimit-reset-requests";
    static final String LIMIT_TOKENS = "x-ratelimit-limit-tokens";
    static final String REMAINING_TOKENS = "x-ratelimit-remaining-tokens";
    static final String RESET_TOKENS = "x-ratelimit-reset-tokens";

    private final TenantLimits limits;
    private final TokenEstimate estimate;
    private final RequestedOutput requestedOutput;
    private final long maxRequestBytes;

    public TenantLimitsGlobalFilter(
            TenantLimits limits, TokenEstimate estimate, JsonMapper json, long maxRequestBytes) {
        this.limits = limits;
        this.estimate = estimate;
        this.requestedOutput = new RequestedOutput(json);
        this.maxRequestBytes = maxRequestBytes;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        KeyOwner owner = exchange.getAttribute(EdgeGlobalFilter.OWNER_ATTRIBUTE);
        if (owner == null) {
            return chain.filter(exchange);
        }
        HttpMethod method = exchange.getRequest().getMethod();
        if (method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.DELETE) {
            return admit(exchange, chain, owner, 0);
        }
        ServerWebExchange bounded = exchange.mutate()
                .request(new BoundedBody(exchange.getRequest(), maxRequestBytes))
                .build();
        return ServerWebExchangeUtils.cacheRequestBody(bounded, request -> {
            DataBuffer body = bounded.getAttribute(ServerWebExchangeUtils.CACHED_REQUEST_BODY_ATTR);
            byte[] bytes = new byte[0];
            if (body != null) {
                bytes = new byte[body.readableByteCount()];
                body.toByteBuffer(body.readPosition(), ByteBuffer.wrap(bytes), 0, bytes.length);
            }
            OptionalLong asked = requestedOutput.of(bytes);
            long tokens = estimate.of(bytes.length, asked, generates(exchange));
            return admit(bounded.mutate().request(request).build(), chain, owner, tokens);
        });
    }

    private static boolean generates(ServerWebExchange exchange) {
        String path = exchange.getRequest().getPath().value();
        return path.endsWith("/chat/completions") || path.endsWith("/completions");
    }

    private Mono<Void> admit(ServerWebExchange exchange, GatewayFilterChain chain, KeyOwner owner, long tokens) {
        String id = exchange.getAttribute(AigwHeaders.REQUEST_ID);
        return limits.admit(owner, id, tokens).flatMap(admission -> {
            ServerHttpResponse response = exchange.getResponse();
            if (!admission.granted()) {
                response.beforeCommit(() -> {
                    write(response.getHeaders(), admission.status());
                    response.getHeaders()
                            .set(
                                    HttpHeaders.RETRY_AFTER,
                                    Long.toString(admission.decision().retryAfterSeconds()));
                    return Mono.empty();
                });
                return Mono.error(new GatewayRejection(ErrorKind.RATE_LIMIT_EXCEEDED, admission.explain()));
            }
            response.beforeCommit(() -> settle(response, admission));
            return chain.filter(exchange);
        });
    }

    private Mono<Void> settle(ServerHttpResponse response, Admission admission) {
        long actual = actualTokens(response, admission.estimate());
        return limits.settle(admission, actual)
                .then(Mono.fromRunnable(() ->
                        write(response.getHeaders(), admission.status().afterSettling(admission.estimate(), actual))));
    }

    private static long actualTokens(ServerHttpResponse response, long estimate) {
        String reported = response.getHeaders().getFirst(AigwHeaders.TOKENS);
        if (reported != null) {
            try {
                return Math.max(0, Long.parseLong(reported.trim()));
            } catch (NumberFormatException ignored) {
                // not routing's header after all: fall through to the status
            }
        }
        HttpStatusCode status = response.getStatusCode();
        return status != null && status.isError() ? 0 : estimate;
    }

    private static void write(HttpHeaders headers, RateLimitStatus status) {
        status.requests().ifPresent(requests -> {
            headers.set(LIMIT_REQUESTS, Long.toString(requests.limit()));
            headers.set(REMAINING_REQUESTS, Long.toString(requests.remaining()));
            headers.set(RESET_REQUESTS, OpenAiDuration.format(requests.reset()));
        });
        status.tokens().ifPresent(tokens -> {
            headers.set(LIMIT_TOKENS, Long.toString(tokens.limit()));
            headers.set(REMAINING_TOKENS, Long.toString(tokens.remaining()));
            headers.set(RESET_TOKENS, OpenAiDuration.format(tokens.reset()));
        });
    }

    /**
     * Refuses a body beyond the size limit while it arrives: the edge filter checks the declared
     * length, this catches bodies that declare none before they are buffered whole.
     */
    private static final class BoundedBody extends ServerHttpRequestDecorator {

        private final long maxBytes;

        BoundedBody(ServerHttpRequest delegate, long maxBytes) {
            super(delegate);
            this.maxBytes = maxBytes;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            long[] seen = {0};
            return super.getBody().handle((buffer, sink) -> {
                seen[0] += buffer.readableByteCount();
                if (seen[0] > maxBytes) {
                    DataBufferUtils.release(buffer);
                    sink.error(new GatewayRejection(
                            ErrorKind.REQUEST_TOO_LARGE, "The request body is larger than " + maxBytes + " bytes."));
                } else {
                    sink.next(buffer);
                }
            });
        }
    }
}
