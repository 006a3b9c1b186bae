package io.aigw.routing.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.netty.channel.AbortedException;
import tools.jackson.databind.json.JsonMapper;

class OpenAiErrorWebExceptionHandlerTest {

    private final OpenAiErrorWebExceptionHandler handler =
            new OpenAiErrorWebExceptionHandler(JsonMapper.builder().build());

    @Test
    void shouldWriteNothingWhenTheCallerClosedTheConnectionWhileTheRequestWasRead() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/v1/chat/completions"));

        handler.handle(exchange, new AbortedException("Connection has been closed"))
                .block(Duration.ofSeconds(5));

        assertThat(exchange.getResponse().getStatusCode()).isNull();
        assertThat(exchange.getResponse().isCommitted()).isFalse();
    }

    @Test
    void shouldStillAnswerABugWith500AndTheOpenAiBody() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/v1/chat/completions"));

        handler.handle(exchange, new IllegalStateException("a bug")).block(Duration.ofSeconds(5));

        assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(500);
        assertThat(exchange.getResponse().getBodyAsString().block(Duration.ofSeconds(5)))
                .contains("\"error\"");
    }
}
