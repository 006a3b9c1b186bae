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
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Redis is killed (SIGKILL) under load — streams, new questions and repeats that the exact cache
 * answers — and started again, empty, on the same port ten seconds later. Nothing of ours is
 * restarted.
 */
@ExtendWith({ReliabilityStack.class, ReliabilityReport.class})
class ReliabilityRedisE2EIT {

    private static final int USERS = 4;
    private static final Duration BEFORE = Duration.ofSeconds(6);
    private static final Duration DOWN = Duration.ofSeconds(10);
    /** Threads a service may add while Redis is away before it counts as a pile-up. */
    private static final int THREAD_MARGIN = 25;

    static Map<String, String> services() {
        LocalStack main = ReliabilityStack.main();
        Map<String, String> services = new LinkedHashMap<>();
        services.put("gateway", main.url(Service.GATEWAY));
        services.put("routing-1", main.url(Service.ROUTING));
        services.put("routing-2", ReliabilityStack.replica().url(Service.ROUTING));
        services.put("cache", main.url(Service.CACHE));
        services.put("billing", main.url(Service.BILLING));
        return services;
    }

    static Map<String, Long> pids() {
        LocalStack main = ReliabilityStack.main();
        Map<String, Long> pids = new LinkedHashMap<>();
        for (Service service : List.of(Service.GATEWAY, Service.ROUTING, Service.CACHE, Service.BILLING)) {
            pids.put(service.moduleName(), main.pid(service));
        }
        pids.put("routing-2", ReliabilityStack.replica().pid(Service.ROUTING));
        return pids;
    }

    /** A stream, a new question, and two repeats of five questions the exact cache soon answers. */
    static Gateway.Ask mixed(String tag, long n) {
        return switch ((int) (n % 4)) {
            case 0 -> new Gateway.Ask("stream", "gpt-4o-mini", tag + " stream " + n, true, "off");
            case 1 -> new Gateway.Ask("new", "gpt-4o-mini", tag + " question " + n, false, "on");
            default -> new Gateway.Ask(
                    "repeat", "gpt-4o-mini", tag + " repeated question " + (n % 5), false, "exact-only");
        };
    }

    @Test
    void shouldKeepAnsweringWithoutRedisAndRecoverWhenItIsBack() {
        LocalStack main = ReliabilityStack.main();
        Gateway.resetSimulator();
        Map<String, Long> pidsBefore = pids();
        String tag = "redis-" + System.nanoTime();
        Map<String, Object> measured = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        try (Sampler threads = new Sampler("jvm_threads_live_threads", services())) {
            long start = System.nanoTime();
            Load load = Load.start(USERS, n -> mixed(tag, n));
            Load.sleepUnderLoad(BEFORE);
            long killed = System.nanoTime();
            main.killRedis();
            Load.sleepUnderLoad(DOWN);
            long restarted = System.nanoTime();
            main.startRedisAgain();
            long back = System.nanoTime();
            Duration recovery = awaitRecovery(load, back);
            long recovered = System.nanoTime();
            Load.sleepUnderLoad(Duration.ofSeconds(3));
            List<Outcome> outcomes = load.stop();
            long end = System.nanoTime();

            List<Outcome> down = outcomes.stream()
                    .filter(o -> o.startedAt() >= killed && o.startedAt() < restarted)
                    .toList();
            Map<String, Object> peakBefore = threads.peak(start, killed);
            Map<String, Object> peakDown = threads.peak(killed, back);
            Map<String, Object> peakAfter = threads.peak(back, end);
            measured.put("all", ReliabilityReport.stats(outcomes));
            measured.put("while_redis_down", ReliabilityReport.stats(down));
            measured.put(
                    "cache_while_down",
                    down.stream()
                            .filter(o -> !o.kind().equals("stream"))
                            .collect(java.util.stream.Collectors.groupingBy(
                                    o -> String.valueOf(o.cache()),
                                    LinkedHashMap::new,
                                    java.util.stream.Collectors.counting())));
            measured.put("redis_down_s", Load.seconds(restarted - killed));
            measured.put(
                    "recovered_after_restart_s",
                    recovery == null ? "not within 30 s" : ReliabilityReport.round(recovery.toMillis() / 1000.0, 1));
            measured.put("threads_peak_before", peakBefore);
            measured.put("threads_peak_while_down", peakDown);
            measured.put("threads_peak_after", peakAfter);
            measured.put("services_restarted", !pids().equals(pidsBefore));

            List<String> answered = Ledger.answered(outcomes);
            long billed = awaitLedger(answered);
            measured.put("answered", answered.size());
            measured.put("ledger_rows_for_answered", billed);
            measured.put(
                    "ledger_note",
                    "the embedded Redis keeps nothing on disk: usage entries billing had not yet read when it was"
                            + " killed are gone with it (routing's backlog covers only what it could not publish)");

            if (ReliabilityReport.successPct(outcomes) < 99.9) {
                failures.add(ReliabilityReport.round(ReliabilityReport.successPct(outcomes), 3) + " % succeeded");
            }
            if (recovery == null) {
                failures.add("no recovery (cache hits, shared limits) within 30 s of Redis' restart");
            }
            peakDown.forEach((service, peak) -> {
                Object before = peakBefore.get(service);
                if (before != null && (long) peak > (long) before + THREAD_MARGIN) {
                    failures.add(service + " went from " + before + " to " + peak + " threads while Redis was away");
                }
            });
            if (!pids().equals(pidsBefore)) {
                failures.add("a service was restarted");
            }
            Map<?, ?> all = (Map<?, ?>) measured.get("all");
            measured.put(
                    "headline",
                    failures.isEmpty()
                            ? all.get("success_pct") + " % of " + all.get("requests") + " succeeded ("
                                    + ((Map<?, ?>) measured.get("while_redis_down")).get("success_pct")
                                    + " % while Redis was down " + measured.get("redis_down_s")
                                    + " s); threads flat; recovered " + measured.get("recovered_after_restart_s")
                                    + " s after Redis was back, no service restarted"
                            : String.join("; ", failures));
        }
        ReliabilityReport.record(new ReliabilityReport.Scenario(
                "redis-restart",
                "Redis killed and restarted under load",
                "requests keep succeeding (≥ 99.9 %; cache bypassed, limits on their local fallback), no thread"
                        + " pile-up, recovery (exact-cache hits again, shared limits again) without restarting our services",
                failures.isEmpty(),
                measured));

        assertThat(failures).isEmpty();
    }

    /**
     * Until the exact cache answers a repeat again and no replica counts limits locally any more; the
     * time that took, or null.
     */
    private static Duration awaitRecovery(Load load, long back) {
        LocalStack main = ReliabilityStack.main();
        try {
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> load.count(o -> o.startedAt() > back && "hit-exact".equals(o.cache())) > 0
                            && Gateway.metricIfUp(main.url(Service.GATEWAY), "aigw_tenant_limits_fallback", "")
                                            .orElse(1)
                                    == 0
                            && ReliabilityStack.routingUrls().stream()
                                    .allMatch(url -> Gateway.metricIfUp(url, "aigw_provider_limits_fallback", "")
                                                    .orElse(1)
                                            == 0));
            return Duration.ofNanos(System.nanoTime() - back);
        } catch (ConditionTimeoutException e) {
            return null;
        }
    }

    /**
     * Waits until the ledger holds a row for every answered request, or stops growing for 20 s (more
     * than billing's longest retry back-off; at most 90 s); the rows found.
     */
    static long awaitLedger(List<String> answered) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        long last = -1;
        long unchangedSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            long rows = Ledger.rowsFor(answered);
            if (rows >= answered.size()) {
                return rows;
            }
            if (rows != last) {
                last = rows;
                unchangedSince = System.nanoTime();
            } else if (System.nanoTime() - unchangedSince
                    > Duration.ofSeconds(5).toNanos()) {
                return rows;
            }
            await().pollDelay(Duration.ofMillis(500)).until(() -> true);
        }
        return Ledger.rowsFor(answered);
    }
}
