package io.aigw.e2e.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * While ordinary clients keep asking, others open hundreds of connections and send nothing, or send
 * a request one byte a second (slowloris), then more connections than the gateway takes. The gateway
 * closes idle and slow connections by itself (idle, read and request timeouts), refuses connections
 * past its limit at once, and keeps serving (ADR 0040).
 */
@ExtendWith({ReliabilityStack.class, ReliabilityReport.class})
class ReliabilityConnectionsE2EIT {

    private static final int IDLE = 400;
    private static final int SLOW = 40;
    private static final int USERS = 2;
    private static final byte[] SLOW_REQUEST = ("POST /v1/chat/completions HTTP/1.1\r\nHost: gateway\r\n"
                    + "Content-Type: application/json\r\nX-Padding: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n")
            .getBytes(StandardCharsets.US_ASCII);

    @Test
    void shouldKeepServingWhileIdleAndSlowConnectionsPileUp() throws Exception {
        Gateway.resetSimulator();
        URI gateway = URI.create(ReliabilityStack.gatewayUrl());
        String gatewayUrl = ReliabilityStack.gatewayUrl();
        String tag = "connections-" + System.nanoTime();
        Map<String, Object> measured = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        List<Socket> idle = new ArrayList<>();
        List<Socket> slow = new ArrayList<>();
        List<Socket> flood = new ArrayList<>();
        double threadsBefore =
                Gateway.metric(gatewayUrl, "jvm_threads_live_threads", "").orElse(0);

        Load load =
                Load.start(USERS, n -> new Gateway.Ask("plain", "gpt-4o-mini", tag + " request " + n, false, "off"));
        try {
            // phase 1: idle and slow connections, below the limit
            long opened = System.nanoTime();
            for (int i = 0; i < IDLE; i++) {
                idle.add(connect(gateway));
            }
            for (int i = 0; i < SLOW; i++) {
                slow.add(connect(gateway));
            }
            double openPeak = Gateway.metric(gatewayUrl, "aigw_gateway_connections_open", "")
                    .orElse(0);
            Thread trickle = trickle(slow);
            Duration idleClosed = awaitAllClosed(idle, opened);
            Duration slowClosed = awaitAllClosed(slow, opened);
            trickle.interrupt();
            long phaseOneEnd = System.nanoTime();
            double threadsDuring =
                    Gateway.metric(gatewayUrl, "jvm_threads_live_threads", "").orElse(0);

            // phase 2: more connections than the gateway takes
            double refusedBefore = Gateway.metric(gatewayUrl, "aigw_gateway_connections_refused_total", "")
                    .orElse(0);
            long floodStart = System.nanoTime();
            for (int i = 0; i < ReliabilityStack.MAX_CONNECTIONS + 100; i++) {
                try {
                    flood.add(connect(gateway));
                } catch (IOException refusedAtConnect) {
                    break;
                }
            }
            Duration floodClosed = awaitAllClosed(flood, floodStart);
            // counted when the gateway closes them, which may be a moment after the client's connect returned
            double refused = Gateway.metric(gatewayUrl, "aigw_gateway_connections_refused_total", "")
                            .orElse(0)
                    - refusedBefore;
            long served = awaitServedAgain(load);
            Duration servingAgain = Duration.ofNanos(served - floodStart);
            List<Outcome> outcomes = load.stop();

            List<Outcome> phaseOne =
                    outcomes.stream().filter(o -> o.startedAt() < phaseOneEnd).toList();
            List<Outcome> phaseTwo =
                    outcomes.stream().filter(o -> o.startedAt() >= phaseOneEnd).toList();
            measured.put("idle_connections", IDLE);
            measured.put("slowloris_connections", SLOW);
            measured.put("gateway_connections_open_peak", (long) openPeak);
            measured.put("idle_closed_by_gateway_after_s", seconds(idleClosed));
            measured.put("slowloris_closed_by_gateway_after_s", seconds(slowClosed));
            measured.put("clients_while_idle_and_slow", ReliabilityReport.stats(phaseOne));
            measured.put("gateway_threads_before", (long) threadsBefore);
            measured.put("gateway_threads_during", (long) threadsDuring);
            measured.put("flood_connections_opened", flood.size());
            measured.put("flood_connections_refused_at_once", (long) refused);
            measured.put("flood_closed_by_gateway_after_s", seconds(floodClosed));
            measured.put("clients_during_flood", ReliabilityReport.stats(phaseTwo));
            measured.put(
                    "limits",
                    Map.of(
                            "max_connections", ReliabilityStack.MAX_CONNECTIONS,
                            "idle_timeout_s", ReliabilityStack.IDLE_TIMEOUT.toSeconds(),
                            "read_timeout_s", ReliabilityStack.READ_TIMEOUT.toSeconds(),
                            "request_timeout_s", ReliabilityStack.REQUEST_TIMEOUT.toSeconds()));

            if (ReliabilityReport.successPct(phaseOne) < 99.9) {
                failures.add(ReliabilityReport.round(ReliabilityReport.successPct(phaseOne), 3)
                        + " % of ordinary requests succeeded among idle and slow connections");
            }
            if (idleClosed == null || slowClosed == null || floodClosed == null) {
                failures.add("the gateway left idle or slow connections open for 30 s");
            }
            if (refused < 1) {
                failures.add("no connection past the limit was refused");
            }
            if (phaseTwo.stream().noneMatch(Outcome::ok)) {
                failures.add("no ordinary request succeeded after the flood");
            }
            measured.put(
                    "headline",
                    failures.isEmpty()
                            ? ReliabilityReport.round(ReliabilityReport.successPct(phaseOne), 3) + " % of "
                                    + phaseOne.size() + " ordinary requests succeeded beside " + IDLE + " idle and "
                                    + SLOW
                                    + " slowloris connections, closed by the gateway after " + seconds(idleClosed)
                                    + " s / "
                                    + seconds(slowClosed) + " s; " + (long) refused + " connections past the limit of "
                                    + ReliabilityStack.MAX_CONNECTIONS + " refused at once, serving again after "
                                    + seconds(servingAgain) + " s"
                            : String.join("; ", failures));
        } finally {
            load.stop();
            for (List<Socket> sockets : List.of(idle, slow, flood)) {
                for (Socket socket : sockets) {
                    socket.close();
                }
            }
        }
        ReliabilityReport.record(new ReliabilityReport.Scenario(
                "connections",
                "Slow clients and many idle connections",
                "they do not exhaust the gateway: idle and slow connections are closed by its timeouts, connections"
                        + " past its limit are refused at once, ordinary clients keep being served (≥ 99.9 % below the limit)",
                failures.isEmpty(),
                measured));

        assertThat(failures).isEmpty();
    }

    private static Socket connect(URI gateway) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(gateway.getHost(), gateway.getPort()), 2000);
        socket.setSoTimeout(50);
        return socket;
    }

    /** Sends each slow connection one more byte of a never-finished request every second. */
    private static Thread trickle(List<Socket> sockets) {
        Thread thread = new Thread(
                () -> {
                    for (int i = 0;
                            i < SLOW_REQUEST.length && !Thread.currentThread().isInterrupted();
                            i++) {
                        for (Socket socket : sockets) {
                            try {
                                OutputStream out = socket.getOutputStream();
                                out.write(SLOW_REQUEST[i]);
                                out.flush();
                            } catch (IOException closed) {
                                // the gateway closed it: what this test waits for
                            }
                        }
                        try {
                            Thread.sleep(1000);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "slowloris");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Until the gateway closed every one of these connections (EOF or reset); how long since {@code from}. */
    private static Duration awaitAllClosed(List<Socket> sockets, long from) {
        List<Socket> open = new ArrayList<>(sockets);
        try {
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        open.removeIf(ReliabilityConnectionsE2EIT::closedByPeer);
                        return open.isEmpty();
                    });
            return Duration.ofNanos(System.nanoTime() - from);
        } catch (ConditionTimeoutException e) {
            return null;
        }
    }

    private static boolean closedByPeer(Socket socket) {
        try {
            InputStream in = socket.getInputStream();
            while (true) {
                int b = in.read();
                if (b < 0) {
                    return true;
                }
                // an answer (e.g. 408) before the close: read on
            }
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (SocketException reset) {
            return true;
        } catch (IOException other) {
            return true;
        }
    }

    private static long awaitServedAgain(Load load) {
        long since = System.nanoTime();
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> load.count(o -> o.ok() && o.startedAt() > since) > 0);
        return System.nanoTime();
    }

    private static Object seconds(Duration duration) {
        return duration == null ? "not within 30 s" : ReliabilityReport.round(duration.toMillis() / 1000.0, 1);
    }
}
