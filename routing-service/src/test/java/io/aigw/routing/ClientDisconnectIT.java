package io.aigw.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

/**
 * A client that hangs up mid-stream ends the provider call too: the provider stops generating (and
 * billing) tokens nobody reads. The upstream here is a plain JDK server that streams a chunk every
 * 100 ms for a minute and notices when its connection is closed; routing's own timeouts are far
 * longer, so only the client's disconnect can end the call.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class ClientDisconnectIT {

    private static final String TOKEN = "t";
    private static final CountDownLatch upstreamClosed = new CountDownLatch(1);
    private static final AtomicInteger chunksWritten = new AtomicInteger();
    private static final HttpServer upstream = slowStreamingProvider();

    @Autowired
    WebTestClient client;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry r) {
        r.add("aigw.internal.token", () -> TOKEN);
        r.add("aigw.routing.cache.enabled", () -> "false");
        r.add("aigw.providers[0].id", () -> "slow");
        r.add(
                "aigw.providers[0].base-url",
                () -> "http://127.0.0.1:" + upstream.getAddress().getPort() + "/v1");
        r.add("aigw.providers[0].timeout", () -> "5m");
        r.add("aigw.models[0].name", () -> "slow-model");
        r.add("aigw.models[0].provider", () -> "slow");
        r.add("aigw.groups[0].name", () -> "auto");
        r.add("aigw.groups[0].members", () -> "slow-model");
    }

    private static HttpServer slowStreamingProvider() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/v1/chat/completions", exchange -> {
                exchange.getRequestBody().readAllBytes();
                exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
                exchange.sendResponseHeaders(200, 0);
                try (OutputStream out = exchange.getResponseBody()) {
                    for (int i = 0; i < 600; i++) {
                        String chunk = "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,"
                                + "\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"w" + i
                                + " \"},\"finish_reason\":null}]}\n\n";
                        out.write(chunk.getBytes(StandardCharsets.UTF_8));
                        out.flush();
                        chunksWritten.incrementAndGet();
                        Thread.sleep(100); // the pace of a slow model, not a wait for a condition
                    }
                } catch (IOException closed) {
                    upstreamClosed.countDown();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stop() {
        upstream.stop(0);
    }

    @Test
    void shouldEndTheProviderCallWhenTheClientHangsUpMidStream() throws InterruptedException {
        Flux<String> stream = client.post()
                .uri("/v1/chat/completions")
                .header(AigwHeaders.INTERNAL_TOKEN, TOKEN)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"model\":\"auto\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"go\"}]}")
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseBody();

        // read three chunks, then hang up
        assertThat(stream.take(3).collectList().block(Duration.ofSeconds(30))).hasSize(3);

        assertThat(upstreamClosed.await(30, TimeUnit.SECONDS))
                .as("the provider saw its connection closed")
                .isTrue();
        int written = chunksWritten.get();
        await().during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(5))
                .until(() -> chunksWritten.get() == written);
        assertThat(written).as("chunks the provider generated of 600").isLessThan(100);
    }
}
