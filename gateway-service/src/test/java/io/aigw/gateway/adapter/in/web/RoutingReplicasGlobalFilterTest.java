package io.aigw.gateway.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aigw.gateway.domain.RoutingReplicas;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.nio.channels.NotYetConnectedException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.channel.AbortedException;
import tools.jackson.databind.json.JsonMapper;

/** When the filter sends a request once more, with a single routing replica (the default setup). */
class RoutingReplicasGlobalFilterTest {

    private static final String ROUTE = "openai";
    private static final URI ONLY = URI.create("http://127.0.0.1:8081");
    private static final String STREAM = "{\"model\":\"m\",\"stream\":true}";
    private static final String PLAIN = "{\"model\":\"m\"}";

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RoutingReplicasGlobalFilter filter = new RoutingReplicasGlobalFilter(
            ROUTE,
            new RoutingReplicas(List.of(ONLY), Duration.ofSeconds(5), Clock.systemUTC()),
            JsonMapper.builder().build(),
            meters);

    /** What each attempt sent: the target URL and the body. */
    private final List<String> attempts = new ArrayList<>();

    @Test
    void shouldSendAStreamAgainToTheOnlyReplicaWhenTheConnectionClosedBeforeTheRequestLeft() {
        filter.filter(exchange(STREAM), failingFirst(AbortedException.beforeSend()))
                .block(Duration.ofSeconds(5));

        assertThat(attempts)
                .containsExactly(
                        "http://127.0.0.1:8081/v1/chat/completions " + STREAM,
                        "http://127.0.0.1:8081/v1/chat/completions " + STREAM);
        assertThat(retries("closed_while_sending")).isEqualTo(1);
    }

    @Test
    void shouldSendAnyRequestAgainWhenNoConnectionCouldBeOpened() {
        filter.filter(exchange(STREAM), failingFirst(new ConnectException("Connection refused")))
                .block(Duration.ofSeconds(5));

        assertThat(attempts).hasSize(2);
        assertThat(retries("connect")).isEqualTo(1);
    }

    @Test
    void shouldSendAStreamAgainWhenEpollReportedAFailedConnectAsNotYetConnected() {
        // what the reliability run's cut-stream phase met: the first read on a socket that never connected
        filter.filter(exchange(STREAM), failingFirst(new NotYetConnectedException()))
                .block(Duration.ofSeconds(5));

        assertThat(attempts).hasSize(2).last().isEqualTo("http://127.0.0.1:8081/v1/chat/completions " + STREAM);
        assertThat(retries("connect")).isEqualTo(1);
    }

    @Test
    void shouldSendANonStreamedRequestAgainWhenTheConnectionClosedAfterItWasSent() {
        filter.filter(exchange(PLAIN), failingFirst(new IOException("Connection reset by peer")))
                .block(Duration.ofSeconds(5));

        assertThat(attempts).hasSize(2).last().isEqualTo("http://127.0.0.1:8081/v1/chat/completions " + PLAIN);
        assertThat(retries("closed_before_response")).isEqualTo(1);
    }

    @Test
    void shouldNotSendAStreamAgainWhenTheConnectionClosedAfterItWasSent() {
        IOException reset = new IOException("Connection reset by peer");

        assertThatThrownBy(() ->
                        filter.filter(exchange(STREAM), failingFirst(reset)).block(Duration.ofSeconds(5)))
                .hasCause(reset);

        assertThat(attempts).hasSize(1);
        assertThat(meters.get("aigw_gateway_routing_failures").counter().count())
                .isEqualTo(1);
    }

    @Test
    void shouldNotSendAgainWhatFailedForAnotherReason() {
        IllegalStateException bug = new IllegalStateException("not the connection's");

        assertThatThrownBy(
                        () -> filter.filter(exchange(PLAIN), failingFirst(bug)).block(Duration.ofSeconds(5)))
                .isSameAs(bug);

        assertThat(attempts).hasSize(1);
    }

    private double retries(String reason) {
        return meters.get("aigw_gateway_routing_retries")
                .tag("reason", reason)
                .counter()
                .count();
    }

    private static ServerWebExchange exchange(String body) {
        MockServerWebExchange exchange = MockServerWebExchange.from(
                MockServerHttpRequest.post("/v1/chat/completions").body(body));
        exchange.getAttributes()
                .put(
                        ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR,
                        Route.async().id(ROUTE).uri(ONLY).predicate(e -> true).build());
        exchange.getAttributes()
                .put(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR, ONLY.resolve("/v1/chat/completions"));
        // as the tenant-limits filter leaves it
        exchange.getAttributes()
                .put(
                        ServerWebExchangeUtils.CACHED_REQUEST_BODY_ATTR,
                        DefaultDataBufferFactory.sharedInstance.wrap(body.getBytes(StandardCharsets.UTF_8)));
        return exchange;
    }

    /** A chain whose first attempt fails with {@code error} and whose later ones succeed. */
    private GatewayFilterChain failingFirst(Throwable error) {
        return exchange -> {
            URI target = exchange.getRequiredAttribute(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR);
            return DataBufferUtils.join(exchange.getRequest().getBody())
                    .map(buffer -> buffer.toString(StandardCharsets.UTF_8))
                    .defaultIfEmpty("")
                    .flatMap(body -> {
                        attempts.add(target + " " + body);
                        return attempts.size() == 1 ? Mono.error(error) : Mono.<Void>empty();
                    });
        };
    }
}
