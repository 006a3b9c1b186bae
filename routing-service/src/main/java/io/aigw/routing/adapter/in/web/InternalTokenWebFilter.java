package io.aigw.routing.adapter.in.web;

import io.aigw.api.AigwHeaders;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Lets {@code /v1/**} through only with the gateway's internal credential, so that nobody reaches
 * routing around the gateway's key check and forges {@code x-aigw-tenant}.
 */
public class InternalTokenWebFilter implements WebFilter {

    private final byte[] token;

    public InternalTokenWebFilter(String token) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!exchange.getRequest().getPath().value().startsWith("/v1/")) {
            return chain.filter(exchange);
        }
        String presented = exchange.getRequest().getHeaders().getFirst(AigwHeaders.INTERNAL_TOKEN);
        // constant-time comparison: the token must not leak through response timing
        if (presented == null || !MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8))) {
            return Mono.error(new GatewayOnlyException());
        }
        return chain.filter(exchange);
    }
}
