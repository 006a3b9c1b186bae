package io.aigw.gateway.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.NotYetConnectedException;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.netty.channel.AbortedException;
import tools.jackson.databind.json.JsonMapper;

/** A connection to routing that failed is answered 502, whichever of Netty's exceptions says so. */
class OpenAiErrorWebExceptionHandlerTest {

    private final OpenAiErrorWebExceptionHandler handler =
            new OpenAiErrorWebExceptionHandler(JsonMapper.builder().build());

    static Throwable[] connectionFailures() {
        return new Throwable[] {
            // epoll's failed connect (netty/netty#10411): an IllegalStateException, not an IOException
            new NotYetConnectedException(),
            new AbortedException("Connection has been closed"),
            new RuntimeException("wrapped", new NotYetConnectedException()),
        };
    }

    @ParameterizedTest
    @MethodSource("connectionFailures")
    void shouldAnswerAFailedConnectionToRoutingWith502UpstreamError(Throwable failure) {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/v1/chat/completions"));

        handler.handle(exchange, failure).block(Duration.ofSeconds(5));

        assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(502);
        assertThat(exchange.getResponse().getBodyAsString().block(Duration.ofSeconds(5)))
                .contains("\"code\":\"upstream_error\"")
                .contains("The gateway could not reach the routing service.");
    }

    @ParameterizedTest
    @MethodSource("bugs")
    void shouldAnswerWhatIsNotTheConnectionsFaultWith500(Throwable failure) {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/v1/chat/completions"));

        handler.handle(exchange, failure).block(Duration.ofSeconds(5));

        assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(500);
    }

    static Throwable[] bugs() {
        return new Throwable[] {new IllegalStateException("a bug"), new NullPointerException()};
    }
}
