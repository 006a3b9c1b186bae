package io.aigw.simulator.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import reactor.core.publisher.Mono;

class FaultInjectionIT extends SimulatorHttpTestBase {

    @Test
    void shouldInjectA429WithRetryAfterAndRateLimitHeaders() {
        profile("it-429", Map.of("failure_rate", 1.0, "failure_kind", "429", "retry_after", "2s", "rpm", 10));

        post("/v1/chat/completions", chatBody("it-429", "hi", Map.of()))
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .valueEquals("retry-after", "2")
                .expectHeader()
                .valueEquals("x-ratelimit-limit-requests", "10")
                .expectHeader()
                .valueEquals("x-ratelimit-remaining-requests", "0")
                .expectHeader()
                .valueEquals("x-ratelimit-reset-requests", "2s")
                .expectBody()
                .jsonPath("$.error.code")
                .isEqualTo("rate_limit_exceeded");
        assertThat(stats("it-429").at("/models/it-429/totals/failed_requests").asInt())
                .isEqualTo(1);
    }

    @Test
    void shouldInject500And503InOpenAisDialect() {
        profile("it-500", Map.of("failure_rate", 1.0, "failure_kind", "500"));
        profile("it-503", Map.of("failure_rate", 1.0, "failure_kind", "503"));

        post("/v1/chat/completions", chatBody("it-500", "hi", Map.of()))
                .expectStatus()
                .isEqualTo(500)
                .expectBody()
                .json(
                        """
                        {"error":{"message":"The server had an error while processing your request. Sorry about that!",
                        "type":"server_error","param":null,"code":null}}""",
                        true);
        post("/v1/chat/completions", chatBody("it-503", "hi", Map.of()))
                .expectStatus()
                .isEqualTo(503)
                .expectBody()
                .jsonPath("$.error.type")
                .isEqualTo("server_error");
    }

    @Test
    void shouldInject529OverloadedInAnthropicsDialect() {
        profile("it-529", Map.of("failure_rate", 1.0, "failure_kind", "529"));

        post("/v1/messages", messagesBody("it-529", "hi", Map.of()))
                .expectStatus()
                .isEqualTo(529)
                .expectBody()
                .json(
                        """
                        {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}""",
                        true);
    }

    @Test
    void shouldHangUntilTheClientGivesUp() {
        profile("it-hang", Map.of("failure_rate", 1.0, "failure_kind", "hang", "hang_duration", "60s"));

        CompletableFuture<?> call = webClient
                .post()
                .uri("/v1/chat/completions")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(chatBody("it-hang", "hi", Map.of()))
                .retrieve()
                .toBodilessEntity()
                .timeout(Duration.ofSeconds(1))
                .toFuture();

        await().atMost(Duration.ofSeconds(5)).until(() -> openHangs() == 1);
        await().atMost(Duration.ofSeconds(5)).until(call::isDone);
        assertThat(call)
                .failsWithin(Duration.ZERO)
                .withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(TimeoutException.class);
        // the client's disconnect must end the hang long before its 60 s
        await().atMost(Duration.ofSeconds(5)).until(() -> openHangs() == 0);
    }

    @Test
    void shouldCutAStreamWithoutFinalChunkOrDone() {
        profile("it-cut", Map.of("failure_rate", 1.0, "failure_kind", "stream-cut", "output_tokens", 40));
        StringBuilder received = new StringBuilder();

        Throwable error = webClient
                .post()
                .uri("/v1/chat/completions")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(chatBody("it-cut", "hi", Map.of("stream", true)))
                .exchangeToFlux(response -> response.bodyToFlux(DataBuffer.class))
                .doOnNext(buffer -> {
                    received.append(buffer.toString(StandardCharsets.UTF_8));
                    DataBufferUtils.release(buffer);
                })
                .then(Mono.<Throwable>empty())
                .onErrorResume(Mono::just)
                .block(Duration.ofSeconds(10));

        assertThat(received.toString())
                .startsWith("data: {")
                .doesNotContain("[DONE]")
                .doesNotContain("\"stop\"");
        assertThat(received.toString().split("\n\n")).hasSizeBetween(15, 25);
        assertThat(error).as("the connection closes before the response ends").isNotNull();
    }

    private int openHangs() {
        return stats("none").path("open_hangs").asInt();
    }
}
