package io.aigw.e2e.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aigw.launcher.LocalStack;
import io.aigw.launcher.Service;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One of the two routing replicas is killed with SIGKILL under load ({@code auto}, whose cheapest
 * member answers in about half a second, so many requests are in flight on it). The gateway sends the rest to the other replica;
 * a non-streamed request the dead replica dropped before answering is sent once more, a stream
 * fails cleanly. The replica is then started again and takes requests again.
 */
@ExtendWith({ReliabilityStack.class, ReliabilityReport.class})
class ReliabilityRoutingReplicaE2EIT {

    private static final int USERS = 8;

    @Test
    void shouldServeFromTheOtherReplicaWhenOneIsKilled() {
        LocalStack main = ReliabilityStack.main();
        LocalStack replica = ReliabilityStack.replica();
        String gateway = main.url(Service.GATEWAY);
        Gateway.resetSimulator();
        Gateway.simulate("sim-weak", "{\"time_to_first_token\":\"250ms\",\"per_token_delay\":\"5ms\",\"jitter\":0}");
        String tag = "replica-" + System.nanoTime();
        Map<String, Object> measured = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        double retriedBefore = Gateway.metric(gateway, "aigw_gateway_routing_retries_total", "")
                .orElse(0);
        double droppedBefore = Gateway.metric(gateway, "aigw_gateway_routing_failures_total", "")
                .orElse(0);

        Load load = Load.start(
                USERS,
                n -> new Gateway.Ask(
                        n % 3 == 0 ? "stream" : "plain", "auto", tag + " request " + n, n % 3 == 0, "off"));
        Load.sleepUnderLoad(Duration.ofSeconds(5));
        long killed = System.nanoTime();
        ProcessHandle.of(replica.pid(Service.ROUTING)).orElseThrow().destroyForcibly(); // SIGKILL
        Load.sleepUnderLoad(Duration.ofSeconds(8));
        long restarting = System.nanoTime();
        CompletableFuture<Void> restart = CompletableFuture.runAsync(() -> replica.restart(Service.ROUTING));
        String replicaUrl = replica.url(Service.ROUTING);
        Duration rejoined = null;
        try {
            restart.join();
            double servedAtStart =
                    Gateway.metric(replicaUrl, "aigw_requests_total", "").orElse(0);
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> Gateway.metric(replicaUrl, "aigw_requests_total", "")
                                    .orElse(0)
                            > servedAtStart);
            rejoined = Duration.ofNanos(System.nanoTime() - restarting);
        } catch (ConditionTimeoutException e) {
            // reported below
        }
        List<Outcome> outcomes = load.stop();
        Gateway.resetSimulator();

        List<Outcome> inFlight = outcomes.stream()
                .filter(o -> o.startedAt() < killed && o.endedAt() > killed)
                .toList();
        List<Outcome> plain =
                outcomes.stream().filter(o -> o.kind().equals("plain")).toList();
        List<Outcome> streams =
                outcomes.stream().filter(o -> o.kind().equals("stream")).toList();
        measured.put("all", ReliabilityReport.stats(outcomes));
        measured.put("plain", ReliabilityReport.stats(plain));
        measured.put("stream", ReliabilityReport.stats(streams));
        measured.put(
                "in_flight_at_kill_plain",
                ReliabilityReport.stats(
                        inFlight.stream().filter(o -> o.kind().equals("plain")).toList()));
        measured.put(
                "in_flight_at_kill_stream",
                ReliabilityReport.stats(
                        inFlight.stream().filter(o -> o.kind().equals("stream")).toList()));
        measured.put("gateway_retries_on_other_replica", (long)
                (Gateway.metric(gateway, "aigw_gateway_routing_retries_total", "")
                                .orElse(0)
                        - retriedBefore));
        measured.put("gateway_dropped_not_retried", (long)
                (Gateway.metric(gateway, "aigw_gateway_routing_failures_total", "")
                                .orElse(0)
                        - droppedBefore));
        measured.put(
                "replica_restarted_and_serving_after_s",
                rejoined == null ? "not within 30 s" : ReliabilityReport.round(rejoined.toMillis() / 1000.0, 1));

        if (ReliabilityReport.successPct(plain) < 99.9) {
            failures.add(ReliabilityReport.round(ReliabilityReport.successPct(plain), 3)
                    + " % of non-streamed requests succeeded");
        }
        long unclean = outcomes.stream()
                .filter(o -> o.result() == Outcome.Result.TRUNCATED || o.result() == Outcome.Result.BAD_ERROR)
                .count();
        if (unclean > 0) {
            failures.add(unclean + " requests ended in a silent truncation or a non-JSON error");
        }
        if (rejoined == null) {
            failures.add("the restarted replica took no request within 30 s");
        }
        Map<?, ?> plainStats = (Map<?, ?>) measured.get("plain");
        Map<?, ?> streamStats = (Map<?, ?>) measured.get("stream");
        measured.put(
                "headline",
                failures.isEmpty()
                        ? plainStats.get("success_pct") + " % of " + plainStats.get("requests") + " non-streamed and "
                                + streamStats.get("success_pct") + " % of " + streamStats.get("requests")
                                + " streamed requests succeeded; " + measured.get("gateway_retries_on_other_replica")
                                + " sent again to the other replica, " + measured.get("gateway_dropped_not_retried")
                                + " streams failed cleanly, 0 silent truncations"
                        : String.join("; ", failures));
        ReliabilityReport.record(new ReliabilityReport.Scenario(
                "routing-replica-kill",
                "A routing replica killed (SIGKILL) under load",
                "the gateway's other replica serves; non-streamed requests the dead one dropped are sent again once"
                        + " (≥ 99.9 % succeed), streams in flight on it fail cleanly (502 or an error event, never a silent"
                        + " truncation)",
                failures.isEmpty(),
                measured));

        assertThat(failures).isEmpty();
    }
}
