package io.aigw.gateway.adapter.in.web;

import io.aigw.api.AigwHeaders;
import io.aigw.api.ErrorKind;
import io.aigw.gateway.application.GatewayKeys;
import io.aigw.gateway.domain.BearerToken;
import io.aigw.gateway.domain.CanonicalPath;
import io.aigw.gateway.domain.KeyOwner;
import java.util.UUID;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The edge of every routed request: a request id, the size limit, the gateway key, and the headers
 * internal services trust. Client-sent copies of the trusted headers are removed first, so a client
 * can never pick its tenant.
 */
public class EdgeGlobalFilter implements GlobalFilter, Ordered {

    private static final String[] TRUSTED_HEADERS = {
        AigwHeaders.TENANT, AigwHeaders.KEY_ID, AigwHeaders.INTERNAL_TOKEN, AigwHeaders.REQUEST_ID
    };

    /** The exchange attribute that carries the resolved {@link KeyOwner} to later filters. */
    public static final String OWNER_ATTRIBUTE = KeyOwner.class.getName();

    private final GatewayKeys keys;
    private final String internalToken;
    private final long maxRequestBytes;

    public EdgeGlobalFilter(GatewayKeys keys, String internalToken, DataSize maxRequestSize) {
        this.keys = keys;
        this.internalToken = internalToken;
        this.maxRequestBytes = maxRequestSize.toBytes();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        String requestId = UUID.randomUUID().toString();
        exchange.getAttributes().put(AigwHeaders.REQUEST_ID, requestId);
        // set just before commit so the id replaces whatever the upstream echoed
        exchange.getResponse().beforeCommit(() -> {
            exchange.getResponse().getHeaders().set(AigwHeaders.REQUEST_ID, requestId);
            return Mono.empty();
        });
        HttpHeaders headers = exchange.getRequest().getHeaders();
        if (headers.getContentLength() > maxRequestBytes) {
            return Mono.error(new GatewayRejection(
                    ErrorKind.REQUEST_TOO_LARGE, "The request body is larger than " + maxRequestBytes + " bytes."));
        }
        String path = exchange.getRequest().getPath().value();
        if (!CanonicalPath.isCanonical(path)) {
            // a raw-path check below (admin or not) must mean what the services behind will route on
            return Mono.error(new GatewayRejection(
                    ErrorKind.INVALID_REQUEST,
                    "The request path must be plain segments of letters, digits, '.', '_', '~' and '-'; "
                            + "percent-encoding, ';' parameters, empty and dot segments are refused."));
        }
        if (path.startsWith("/admin/")) {
            // the admin API checks its own credential (billing); no gateway key, no tenant
            return chain.filter(forwardAdmin(exchange, requestId));
        }
        String key =
                BearerToken.from(headers.getFirst(HttpHeaders.AUTHORIZATION)).orElse(null);
        if (key == null) {
            return Mono.error(new GatewayRejection(
                    ErrorKind.INVALID_API_KEY,
                    "You didn't provide an API key. Send it as 'Authorization: Bearer <gateway key>'."));
        }
        return keys.resolve(key)
                .switchIfEmpty(Mono.error(
                        () -> new GatewayRejection(ErrorKind.INVALID_API_KEY, "Incorrect API key provided.")))
                .flatMap(owner -> {
                    exchange.getAttributes().put(OWNER_ATTRIBUTE, owner);
                    return chain.filter(forward(exchange, owner, requestId));
                });
    }

    private ServerWebExchange forwardAdmin(ServerWebExchange exchange, String requestId) {
        ServerHttpRequest request = exchange.getRequest()
                .mutate()
                .headers(h -> {
                    for (String name : TRUSTED_HEADERS) {
                        h.remove(name);
                    }
                    h.set(AigwHeaders.REQUEST_ID, requestId);
                })
                .build();
        return exchange.mutate().request(request).build();
    }

    private ServerWebExchange forward(ServerWebExchange exchange, KeyOwner owner, String requestId) {
        ServerHttpRequest request = exchange.getRequest()
                .mutate()
                .headers(h -> {
                    for (String name : TRUSTED_HEADERS) {
                        h.remove(name);
                    }
                    // the gateway key stays at the edge; internal services get the internal token
                    h.remove(HttpHeaders.AUTHORIZATION);
                    h.set(AigwHeaders.REQUEST_ID, requestId);
                    h.set(AigwHeaders.TENANT, owner.tenantId());
                    h.set(AigwHeaders.KEY_ID, owner.keyId());
                    h.set(AigwHeaders.INTERNAL_TOKEN, internalToken);
                })
                .build();
        return exchange.mutate().request(request).build();
    }
}
