package io.aigw.gateway.adapter.in.web;

import io.aigw.gateway.domain.RoutingReplicas;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Spreads one route's requests over the routing replicas and sends a request once more when the
 * replica it went to could not take it (ADR 0040):
 *
 * <ul>
 *   <li>the connection could not be opened, or closed before the whole request had been written to
 *       it: the replica cannot have acted on it, so any request, streamed or not, is sent again;
 *   <li>the connection closed or was reset after the request was sent and before any response byte
 *       (the replica died with the request in flight): a non-streamed request is sent again, with the
 *       same request id, so billing's idempotent ledger still counts it once; a streamed one fails
 *       with 502, since the replica may already have started a provider call whose answer nobody can
 *       now resume;
 *   <li>anything after the response started is never retried.
 * </ul>
 *
 * <p>The second attempt goes to another replica when there is one, else to the same one over a new
 * connection. A replica that failed to connect or lost a request it had received is {@linkplain
 * RoutingReplicas#eject ejected} for a while. Runs after the route's URL is set and before the Netty
 * routing filter sends it.
 */
public class RoutingReplicasGlobalFilter implements GlobalFilter, Ordered {

    public static final int ORDER = RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER + 1;

    private final String routeId;
    private final RoutingReplicas replicas;
    private final JsonMapper json;
    private final Map<ReplicaFailure, Counter> retried = new EnumMap<>(ReplicaFailure.class);
    private final Counter notRetried;

    public RoutingReplicasGlobalFilter(
            String routeId, RoutingReplicas replicas, JsonMapper json, MeterRegistry meters) {
        this.routeId = routeId;
        this.replicas = replicas;
        this.json = json;
        for (ReplicaFailure failure : ReplicaFailure.values()) {
            if (failure != ReplicaFailure.OTHER) {
                retried.put(
                        failure,
                        Counter.builder("aigw_gateway_routing_retries")
                                .description("Requests sent once more after a routing replica failed to take them")
                                .tag("reason", failure.reason())
                                .register(meters));
            }
        }
        this.notRetried = Counter.builder("aigw_gateway_routing_failures")
                .description("Requests a routing replica dropped that the gateway could not retry (502)")
                .register(meters);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        if (route == null || !routeId.equals(route.getId())) {
            return chain.filter(exchange);
        }
        URI first = replicas.pick();
        byte[] body = cachedBody(exchange);
        return send(exchange, chain, first).onErrorResume(error -> {
            ReplicaFailure failure = ReplicaFailure.of(error);
            if (failure == ReplicaFailure.OTHER) {
                return Mono.error(error);
            }
            if (failure != ReplicaFailure.CLOSED_WHILE_SENDING) {
                // a close mid-send is as often a pooled connection's race as a dying replica
                replicas.eject(first);
            }
            if (exchange.getResponse().isCommitted()
                    || (failure == ReplicaFailure.CLOSED_BEFORE_RESPONSE && streams(body))) {
                notRetried.increment();
                return Mono.error(error);
            }
            retried.get(failure).increment();
            ServerWebExchangeUtils.reset(exchange);
            ServerWebExchangeUtils.removeAlreadyRouted(exchange);
            return send(withBody(exchange, body), chain, replicas.pickOther(first));
        });
    }

    private static Mono<Void> send(ServerWebExchange exchange, GatewayFilterChain chain, URI replica) {
        URI routed = exchange.getRequiredAttribute(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR);
        URI target = UriComponentsBuilder.fromUri(routed)
                .scheme(replica.getScheme())
                .host(replica.getHost())
                .port(replica.getPort())
                .build(true)
                .toUri();
        exchange.getAttributes().put(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR, target);
        return chain.filter(exchange);
    }

    /** The body the tenant-limits filter cached, copied so a second attempt can send it again. */
    private static byte[] cachedBody(ServerWebExchange exchange) {
        DataBuffer body = exchange.getAttribute(ServerWebExchangeUtils.CACHED_REQUEST_BODY_ATTR);
        if (body == null) {
            return null;
        }
        byte[] bytes = new byte[body.readableByteCount()];
        body.toByteBuffer(body.readPosition(), ByteBuffer.wrap(bytes), 0, bytes.length);
        return bytes;
    }

    private static ServerWebExchange withBody(ServerWebExchange exchange, byte[] body) {
        if (body == null) {
            return exchange;
        }
        return exchange.mutate()
                .request(new ServerHttpRequestDecorator(exchange.getRequest()) {
                    @Override
                    public Flux<DataBuffer> getBody() {
                        return Flux.defer(() ->
                                Flux.just(exchange.getResponse().bufferFactory().wrap(body)));
                    }
                })
                .build();
    }

    /** Whether the JSON body asks for a stream ({@code "stream": true} at the top level). */
    boolean streams(byte[] body) {
        if (body == null || body.length == 0) {
            return false;
        }
        try (JsonParser parser = json.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            for (JsonToken token = parser.nextToken(); token == JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("stream".equals(name)) {
                    return value == JsonToken.VALUE_TRUE;
                }
                parser.skipChildren();
            }
            return false;
        } catch (JacksonException notJson) {
            // routing refuses it with 400 without calling a provider; sending it again costs nothing
            return false;
        }
    }
}
