package io.aigw.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.aigw.api.AigwHeaders;
import io.aigw.testsupport.TestInfrastructure;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Two routing replicas behind the real gateway, one healthy and one failing: not there at all
 * (nothing listens on its port), dropping every connection before it answers (as a replica killed
 * with requests in flight), or closing it while the request's body is still arriving. Requests take
 * turns, so about half meet the failing one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class RoutingReplicasIT {

    private static final String KEY = "aigw-replicas-key";
    private static final String TENANT = "replicas-it-" + UUID.randomUUID();
    private static final String PATH = "/v1/chat/completions";
    private static final int REQUESTS = 10;

    private static final WireMockServer healthy =
            new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    private static final int FAILING_PORT;
    private static WireMockServer failing;
    private static ClosesMidBody closesMidBody;

    static {
        healthy.start();
        WireMockServer first = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        first.start();
        FAILING_PORT = first.port();
        first.stop();
    }

    @Autowired
    WebTestClient client;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("aigw.internal.token", () -> "t");
        registry.add("aigw.gateway.keys-from-billing", () -> "false");
        registry.add("aigw.gateway.demo-key", () -> KEY);
        registry.add("aigw.gateway.demo-tenant", () -> TENANT);
        registry.add("spring.data.redis.url", () -> TestInfrastructure.redis().url());
        registry.add("aigw.gateway.routing-urls", () -> "http://127.0.0.1:" + FAILING_PORT + "," + healthy.baseUrl());
        // (almost) no ejection: every request takes its turn, so half of them meet the failing replica
        registry.add("aigw.gateway.routing-eject-for", () -> "1ms");
        // room for a body far larger than what loopback socket buffers take in at once
        registry.add("aigw.gateway.max-request-size", () -> "64MB");
        registry.add("aigw.gateway.demo-plan", () -> "enterprise");
    }

    @AfterAll
    static void stop() {
        healthy.stop();
    }

    @BeforeEach
    void stubs() {
        healthy.resetAll();
        healthy.stubFor(post(urlEqualTo(PATH))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"ok\":true}")));
    }

    @AfterEach
    void stopFailing() throws InterruptedException {
        if (failing != null) {
            failing.stop();
            failing = null;
        }
        if (closesMidBody != null) {
            closesMidBody.close();
            closesMidBody = null;
        }
    }

    /** The failing replica listens, and drops each connection without a byte of answer. */
    private static void failingDropsConnections() {
        failingWith(Fault.EMPTY_RESPONSE);
    }

    private static void failingWith(Fault fault) {
        failing = new WireMockServer(options().port(FAILING_PORT).bindAddress("127.0.0.1"));
        failing.start();
        failing.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withFault(fault)));
    }

    private List<Integer> send(String body) {
        return send(body, REQUESTS);
    }

    private List<Integer> send(String body, int requests) {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            client.post()
                    .uri(PATH)
                    .header("Authorization", "Bearer " + KEY)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(body)
                    .exchange()
                    .expectStatus()
                    .value(statuses::add);
        }
        return statuses;
    }

    private static List<LoggedRequest> received(WireMockServer replica) {
        return replica.findAll(postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void shouldAnswerEveryRequestStreamedOrNotWhenAReplicaIsGone() {
        assertThat(send("{\"model\":\"m\"}")).containsOnly(200);
        assertThat(send("{\"model\":\"m\",\"stream\":true}")).containsOnly(200);

        assertThat(received(healthy)).hasSize(2 * REQUESTS).allSatisfy(request -> assertThat(request.getBodyAsString())
                .startsWith("{\"model\":\"m\""));
    }

    @Test
    void shouldSendANonStreamedRequestAgainUnderItsIdWhenAReplicaDropsIt() {
        failingDropsConnections();

        assertThat(send("{\"model\":\"m\",\"n\":1}")).containsOnly(200);

        List<LoggedRequest> dropped = received(failing);
        assertThat(dropped).as("requests the failing replica took and lost").isNotEmpty();
        for (LoggedRequest request : dropped) {
            healthy.verify(postRequestedFor(urlEqualTo(PATH))
                    .withHeader(AigwHeaders.REQUEST_ID, equalTo(request.getHeader(AigwHeaders.REQUEST_ID)))
                    .withRequestBody(equalTo("{\"model\":\"m\",\"n\":1}")));
        }
        assertThat(received(healthy)).hasSize(REQUESTS);
    }

    @Test
    void shouldFailAStreamWith502AndNotSendItAgainWhenAReplicaDropsIt() {
        failingDropsConnections();

        List<Integer> statuses = send("{\"model\":\"m\",\"stream\":true}");

        List<LoggedRequest> dropped = received(failing);
        assertThat(dropped).isNotEmpty();
        assertThat(statuses).containsOnly(200, 502);
        assertThat(statuses.stream().filter(s -> s == 502)).hasSize(dropped.size());
        assertThat(received(healthy)).hasSize(REQUESTS - dropped.size());
    }

    @Test
    void shouldSendAStreamAgainWhenAReplicaClosedTheConnectionBeforeItsBodyHadArrived() throws Exception {
        closesMidBody = new ClosesMidBody(FAILING_PORT);
        // far more than the socket buffers between the gateway and a replica that stops reading take in
        String prompt = "x".repeat(16 * 1024 * 1024);
        String body =
                "{\"model\":\"m\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"" + prompt + "\"}]}";
        int requests = 4;

        List<Integer> statuses = send(body, requests);

        assertThat(closesMidBody.closed())
                .as("requests the failing replica cut off mid-body")
                .isPositive();
        assertThat(statuses).containsOnly(200);
        assertThat(received(healthy)).hasSize(requests).allSatisfy(request -> assertThat(request.getBody().length)
                .isEqualTo(body.length()));
    }

    /**
     * A replica that reads a request's headers and then closes the connection while its body is still
     * being sent: what a replica dying mid-request looks like, and what a pooled connection closed
     * under a new request looks like to the gateway.
     */
    private static final class ClosesMidBody implements AutoCloseable {

        private final ServerSocket server;
        private final Thread acceptor;
        private final AtomicInteger closed = new AtomicInteger();

        ClosesMidBody(int port) throws IOException {
            server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            acceptor = new Thread(this::serve, "closes-mid-body");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        private void serve() {
            while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                    readHeaders(socket.getInputStream());
                    // unread bytes in its buffer make the close a reset, as a killed process's is
                    socket.setSoLinger(true, 0);
                    closed.incrementAndGet();
                } catch (IOException e) {
                    // the server socket was closed, or the gateway hung up first: accept the next
                }
            }
        }

        private static void readHeaders(InputStream in) throws IOException {
            int matched = 0;
            byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
            while (matched < end.length) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("closed before the headers ended");
                }
                matched = b == end[matched] ? matched + 1 : (b == end[0] ? 1 : 0);
            }
        }

        int closed() {
            return closed.get();
        }

        @Override
        public void close() throws InterruptedException {
            try {
                server.close();
            } catch (IOException e) {
                // closing anyway
            }
            acceptor.join(5_000);
        }
    }
}
