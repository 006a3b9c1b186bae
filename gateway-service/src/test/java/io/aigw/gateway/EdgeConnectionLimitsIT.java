package io.aigw.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aigw.gateway.adapter.in.netty.ConnectionLimit;
import io.aigw.testsupport.TestInfrastructure;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The edge's own limits on client connections, over real sockets (ADR 0040). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EdgeConnectionLimitsIT {

    private static final int MAX_CONNECTIONS = 8;

    @LocalServerPort
    int port;

    @Autowired
    ConnectionLimit limit;

    private final List<Socket> sockets = new ArrayList<>();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("aigw.internal.token", () -> "t");
        registry.add("aigw.gateway.keys-from-billing", () -> "false");
        registry.add("aigw.gateway.demo-key", () -> "k");
        registry.add("spring.data.redis.url", () -> TestInfrastructure.redis().url());
        registry.add("aigw.gateway.server.max-connections", () -> Integer.toString(MAX_CONNECTIONS));
        registry.add("aigw.gateway.server.idle-timeout", () -> "1500ms");
        registry.add("aigw.gateway.server.read-timeout", () -> "1s");
        registry.add("aigw.gateway.server.request-timeout", () -> "2s");
    }

    @AfterEach
    void close() throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> limit.open() == 0);
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
        socket.setSoTimeout(10_000);
        sockets.add(socket);
        return socket;
    }

    /** Blocks until the server closes the connection (EOF or reset); the time it took. */
    private static Duration untilClosed(Socket socket) throws IOException {
        long start = System.nanoTime();
        InputStream in = socket.getInputStream();
        try {
            while (in.read() >= 0) {
                // the server may answer (e.g. 408) before it closes
            }
        } catch (SocketException reset) {
            // closed by the server with a reset: closed all the same
        } catch (SocketTimeoutException stillOpen) {
            throw new AssertionError("the gateway kept the connection open for 10 s");
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static String get(Socket socket) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write("GET /actuator/health/liveness HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        byte[] buffer = new byte[512];
        int read = socket.getInputStream().read(buffer);
        return read < 0 ? "" : new String(buffer, 0, read, StandardCharsets.US_ASCII);
    }

    @Test
    void shouldCloseConnectionsBeyondTheLimitAndServeAgainOnceTheyAreGone() throws IOException {
        List<Socket> held = new ArrayList<>();
        for (int i = 0; i < MAX_CONNECTIONS; i++) {
            held.add(connect());
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> limit.open() == MAX_CONNECTIONS);

        Socket extra = connect();
        assertThat(untilClosed(extra)).isLessThan(Duration.ofSeconds(1));

        for (Socket socket : held) {
            socket.close();
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> limit.open() == 0);
        assertThat(get(connect())).startsWith("HTTP/1.1 200");
    }

    @Test
    void shouldCloseAConnectionThatSendsNoRequest() throws IOException {
        Duration closedAfter = untilClosed(connect());

        assertThat(closedAfter).isBetween(Duration.ofMillis(1000), Duration.ofSeconds(6));
    }

    @Test
    void shouldCloseAConnectionThatSendsItsRequestTooSlowly() throws Exception {
        Socket slow = connect();
        OutputStream out = slow.getOutputStream();
        out.write(("POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer k\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        long start = System.nanoTime();
        // a byte every 400 ms: never a pause beyond the read timeout, but far slower than the request timeout
        boolean closed = false;
        for (int i = 0; i < 40 && !closed; i++) {
            Thread.sleep(400);
            try {
                out.write(' ');
                out.flush();
            } catch (SocketException gone) {
                closed = true;
            }
        }
        if (!closed) {
            untilClosed(slow);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).isLessThan(Duration.ofSeconds(12));
    }

    @Test
    void shouldCloseAConnectionThatSendsItsHeadersTooSlowly() throws Exception {
        Socket slow = connect();
        OutputStream out = slow.getOutputStream();
        byte[] head =
                "POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
                        .getBytes(StandardCharsets.US_ASCII);
        long start = System.nanoTime();
        // a byte every 400 ms: never a pause beyond the read timeout, never a complete request
        boolean closed = false;
        for (int i = 0; i < head.length && !closed; i++) {
            try {
                out.write(head[i]);
                out.flush();
            } catch (SocketException gone) {
                closed = true;
            }
            Thread.sleep(400);
        }
        if (!closed) {
            untilClosed(slow);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).isLessThan(Duration.ofSeconds(12));
    }
}
