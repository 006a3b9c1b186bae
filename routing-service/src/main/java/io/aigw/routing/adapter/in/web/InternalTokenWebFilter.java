package io.aigw.routing.adapter.in.web;

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
 * Lets every request but the actuator's through only with the gateway's internal credential, so
 * that nobody reaches routing around the gateway's key check and forges {@code x-aigw-tenant}. The
 * exemption is decided on the decoded path, as the request mapping matches it: a check on the raw
 * path let {@code /%761/models} and {@code /v1;x/models} — which map to {@code /v1/models} — in
 * without the token.
 */
public class InternalTokenWebFilter implements WebFilter {

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
            return Mono.error(new GatewayOnlyException());
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
}
