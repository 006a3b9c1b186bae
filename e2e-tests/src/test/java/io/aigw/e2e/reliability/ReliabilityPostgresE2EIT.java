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
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * billing's and cache's PostgreSQL stops at once ({@code pg_ctl -m immediate}, as a crash) under load
 * and starts again ten seconds later. billing and cache are not restarted; the usage events of the
 * requests answered meanwhile wait in the Redis stream and all reach the ledger.
 */
@ExtendWith({ReliabilityStack.class, ReliabilityReport.class})
class ReliabilityPostgresE2EIT {

    private static final int USERS = 4;
    private static final Duration BEFORE = Duration.ofSeconds(5);
    private static final Duration DOWN = Duration.ofSeconds(10);

    @Test
    void shouldKeepAnsweringAndLoseNoUsageWhenPostgresRestarts() {
        LocalStack main = ReliabilityStack.main();
        ThrowawayPostgres postgres = ReliabilityStack.postgres();
        Gateway.resetSimulator();
        Map<String, Long> pidsBefore = ReliabilityRedisE2EIT.pids();
        String tag = "postgres-" + System.nanoTime();
        String billing = main.url(Service.BILLING);
        String cache = main.url(Service.CACHE);
        Map<String, Object> measured = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();

        Load load = Load.start(USERS, n -> ReliabilityRedisE2EIT.mixed(tag, n));
        ReliabilityProviderFaultsE2EIT.sleepUnderLoad(BEFORE);
        long semanticBefore = Ledger.semanticEntries();
        long stopped = System.nanoTime();
        postgres.stopImmediately();
        AtomicLong maxLag = new AtomicLong();
        long downUntil = System.nanoTime() + DOWN.toNanos();
        await().atMost(DOWN.plusSeconds(10))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    maxLag.accumulateAndGet(
                            (long) Gateway.metricIfUp(billing, "aigw_usage_stream_lag", "")
                                    .orElse(0),
                            Math::max);
                    return System.nanoTime() >= downUntil;
                });
        long started = System.nanoTime();
        postgres.start();
        long up = System.nanoTime();
        Duration billingBack = awaitReady(billing, up);
        Duration cacheBack = awaitSemanticStores(up, semanticBefore);
        List<Outcome> outcomes = load.stop();
        List<Outcome> down = outcomes.stream()
                .filter(o -> o.startedAt() >= stopped && o.startedAt() < started)
                .toList();
        List<String> answered = Ledger.answered(outcomes);
        long lagAfter = awaitLagZero(billing);
        long billed = ReliabilityRedisE2EIT.awaitLedger(answered);

        measured.put("all", ReliabilityReport.stats(outcomes));
        measured.put("while_postgres_down", ReliabilityReport.stats(down));
        measured.put("postgres_down_s", ReliabilityProviderFaultsE2EIT.seconds(started - stopped));
        measured.put("usage_stream_lag_peak_while_down", maxLag.get());
        measured.put("usage_stream_lag_at_end", lagAfter);
        measured.put(
                "billing_ready_after_postgres_back_s",
                billingBack == null ? "not within 60 s" : ReliabilityReport.round(billingBack.toMillis() / 1000.0, 1));
        measured.put(
                "cache_storing_semantic_entries_again_after_s",
                cacheBack == null ? "not within 60 s" : ReliabilityReport.round(cacheBack.toMillis() / 1000.0, 1));
        measured.put("answered", answered.size());
        measured.put("ledger_rows_for_answered", billed);
        measured.put("services_restarted", !ReliabilityRedisE2EIT.pids().equals(pidsBefore));
        measured.put("cache_health_after", Gateway.ready(cache) ? "UP" : Gateway.health(cache));

        if (ReliabilityReport.successPct(outcomes) < 99.9) {
            failures.add(ReliabilityReport.round(ReliabilityReport.successPct(outcomes), 3) + " % succeeded");
        }
        if (billed != answered.size()) {
            failures.add(billed + " ledger rows for " + answered.size() + " answered requests");
        }
        if (billingBack == null || cacheBack == null) {
            failures.add("billing or cache did not recover within 60 s");
        }
        if (!ReliabilityRedisE2EIT.pids().equals(pidsBefore)) {
            failures.add("a service was restarted");
        }
        Map<?, ?> all = (Map<?, ?>) measured.get("all");
        measured.put(
                "headline",
                failures.isEmpty()
                        ? all.get("success_pct") + " % of " + all.get("requests") + " succeeded; " + maxLag.get()
                                + " usage events waited in the stream; ledger " + billed + " rows for "
                                + answered.size()
                                + " answers; billing ready " + measured.get("billing_ready_after_postgres_back_s")
                                + " s and cache storing " + measured.get("cache_storing_semantic_entries_again_after_s")
                                + " s after PostgreSQL was back, neither restarted"
                        : String.join("; ", failures));
        ReliabilityReport.record(new ReliabilityReport.Scenario(
                "postgres-restart",
                "PostgreSQL stopped (immediate) and started",
                "billing and cache recover by themselves; usage events wait in the stream and none is lost",
                failures.isEmpty(),
                measured));

        assertThat(failures).isEmpty();
    }

    private static Duration awaitReady(String url, long since) {
        try {
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> Gateway.ready(url));
            return Duration.ofNanos(System.nanoTime() - since);
        } catch (ConditionTimeoutException e) {
            return null;
        }
    }

    /** Until cache-service writes new semantic entries to PostgreSQL again (new questions keep coming). */
    private static Duration awaitSemanticStores(long since, long before) {
        try {
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> Ledger.semanticEntries() > Math.max(before, 0));
            long countAtRecovery = Ledger.semanticEntries();
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> Ledger.semanticEntries() > countAtRecovery);
            return Duration.ofNanos(System.nanoTime() - since);
        } catch (ConditionTimeoutException e) {
            return null;
        }
    }

    private static long awaitLagZero(String billing) {
        try {
            await().atMost(Duration.ofSeconds(45))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> Gateway.metricIfUp(billing, "aigw_usage_stream_lag", "")
                                    .orElse(-1)
                            == 0);
        } catch (ConditionTimeoutException e) {
            // reported as measured
        }
        return (long) Gateway.metricIfUp(billing, "aigw_usage_stream_lag", "").orElse(-1);
    }
}
