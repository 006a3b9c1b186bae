package io.aigw.cache.adapter.in.web;

import io.aigw.api.AigwHeaders;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.springframework.http.server.PathContainer;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Lets every request but the actuator's through only with the shared internal credential (ADR
 * 0003), so that nobody reads or wipes a tenant's cache by forging {@code x-aigw-tenant}. The
 * exemption is decided on the decoded path, as the request mapping matches it: a check on the raw
 * path let {@code /%69nternal/cache/…} and {@code /internal;x/cache/…} in without the token.
 */
public final class InternalTokenWebFilter implements WebFilter {

    private final byte[] token;

    public InternalTokenWebFilter(String token) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (isActuator(exchange)) {
            return chain.filter(exchange);
        }
        String presented = exchange.getRequest().getHeaders().getFirst(AigwHeaders.INTERNAL_TOKEN);
        // constant-time comparison: the token must not leak through response timing
        if (presented == null || !MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8))) {
            return Mono.error(new InternalCallOnlyException());
        }
        return chain.filter(exchange);
    }

    private static boolean isActuator(ServerWebExchange exchange) {
        List<PathContainer.Element> elements =
                exchange.getRequest().getPath().pathWithinApplication().elements();
        return elements.size() > 1
                && elements.get(1) instanceof PathContainer.PathSegment first
                && first.valueToMatch().equals("actuator");
    }

    /** Answered 401 with a problem detail. */
    static final class InternalCallOnlyException extends RuntimeException {
        InternalCallOnlyException() {
            super("The cache API only accepts internal calls with x-aigw-internal-token.", null, false, false);
        }
    }
}
