package io.aigw.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.aigw.api.AigwHeaders;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;

/**
 * A client that hangs up while its call is a half-open breaker's only probe gives the probe back: the
 * deployment is tried again once it recovers, instead of staying half-open, and out of every route
 * plan, for good. The upstream is a plain JDK server whose answers the test switches between failing,
 * hanging and healthy.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HalfOpenHangUpIT {

    private static final String TOKEN = "t";
    private static final String BODY = "{\"model\":\"auto\",\"messages\":[{\"role\":\"user\",\"content\":\"go\"}]}";

    private enum Mode {
        FAIL,
        HANG,
        OK
    }

    private static final AtomicReference<Mode> mode = new AtomicReference<>(Mode.FAIL);
    private static final AtomicInteger hanging = new AtomicInteger();
    private static final CountDownLatch probeClosed = new CountDownLatch(1);
    private static final HttpServer upstream = switchableProvider();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry r) {
        r.add("aigw.internal.token", () -> TOKEN);
        r.add("aigw.routing.cache.enabled", () -> "false");
        r.add("aigw.routing.circuit-breaker.minimum-calls", () -> "2");
        r.add("aigw.routing.circuit-breaker.wait-in-open", () -> "1s");
        r.add("aigw.routing.circuit-breaker.half-open-calls", () -> "1");
        r.add("aigw.providers[0].id", () -> "flaky");
        r.add(
                "aigw.providers[0].base-url",
                () -> "http://127.0.0.1:" + upstream.getAddress().getPort() + "/v1");
        // far longer than the test: only the client's hang-up can end the hanging probe
        r.add("aigw.providers[0].timeout", () -> "5m");
        r.add("aigw.models[0].name", () -> "flaky-model");
        r.add("aigw.models[0].provider", () -> "flaky");
        r.add("aigw.groups[0].name", () -> "auto");
        r.add("aigw.groups[0].members", () -> "flaky-model");
    }

    private static HttpServer switchableProvider() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/v1/chat/completions", exchange -> {
                exchange.getRequestBody().readAllBytes();
                switch (mode.get()) {
                    case FAIL -> answer(exchange, 500, "{\"error\":{\"message\":\"down\",\"type\":\"server_error\"}}");
                    case HANG -> hang(exchange);
                    case OK -> answer(
                            exchange,
                            200,
                            "{\"id\":\"c\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"flaky-model\","
                                    + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"ok\"},"
                                    + "\"finish_reason\":\"stop\"}],"
                                    + "\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1,\"total_tokens\":2}}");
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Holds the call open, writing a space now and then so it notices when routing closes it. */
    private static void hang(HttpExchange exchange) throws IOException {
        hanging.incrementAndGet();
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 0; i < 600; i++) {
                out.write(' ');
                out.flush();
                Thread.sleep(100); // the pace of a stalled provider, not a wait for a condition
            }
        } catch (IOException closed) {
            probeClosed.countDown();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @AfterAll
    static void stop() {
        upstream.stop(0);
    }

    @Test
    void shouldTryTheDeploymentAgainAfterTheClientOfItsOnlyProbeHungUp() throws InterruptedException {
        WebClient client = WebClient.create("http://127.0.0.1:" + port);
        // failures open the breaker
        for (int i = 0; i < 3; i++) {
            assertThat(status(client, Duration.ofSeconds(10))).isGreaterThanOrEqualTo(500);
        }

        // once half-open, the only probe hangs and its client hangs up
        mode.set(Mode.HANG);
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            status(client, Duration.ofMillis(500));
            return hanging.get() > 0;
        });
        assertThat(probeClosed.await(30, TimeUnit.SECONDS))
                .as("routing closed the hanging probe when its client hung up")
                .isTrue();

        // recovered: without the probe given back the breaker would stay half-open with none left
        mode.set(Mode.OK);
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> status(client, Duration.ofSeconds(10)) == 200);
    }

    /** The status of one call, or 0 when the client gave up waiting (and closed its connection). */
    private static int status(WebClient client, Duration wait) {
        return client.post()
                .uri("/v1/chat/completions")
                .header(AigwHeaders.INTERNAL_TOKEN, TOKEN)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(BODY)
                .retrieve()
                .toBodilessEntity()
                .map(entity -> entity.getStatusCode().value())
                .onErrorResume(
                        WebClientResponseException.class,
                        e -> Mono.just(e.getStatusCode().value()))
                .timeout(wait, Mono.just(0))
                .block(wait.plusSeconds(5));
    }
}
