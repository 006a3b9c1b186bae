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
 * The throwaway PostgreSQL is stopped the way a crash stops it ({@code pg_ctl -m immediate}: no
 * checkpoint, every connection cut) under load, and started again ten seconds later. Nothing of
 * ours is restarted. Billing and cache hold pools of connections that died with the server; they
 * must find out by themselves, and the usage events published meanwhile wait in the stream.
 */
@ExtendWith({ReliabilityStack.class, ReliabilityReport.class})
class ReliabilityPostgresE2EIT {

    private static final int USERS = 4;
    private static final Duration BEFORE = Duration.ofSeconds(6);
    private static final Duration DOWN = Duration.ofSeconds(10);
    private static final Duration RECOVERY = Duration.ofSeconds(60);

    /** New questions the semantic layer stores (so cache writes to PostgreSQL), and plain ones. */
    static Gateway.Ask ask(String tag, long n) {
        return n % 2 == 0
                ? new Gateway.Ask("cached", "gpt-4o-mini", tag + " question number " + n, false, "on")
                : new Gateway.Ask("plain", "gpt-4o-mini", tag + " request " + n, false, "off");
    }

    @Test
    void shouldRecoverBillingAndCacheByThemselvesAndLoseNoUsage() {
        LocalStack main = ReliabilityStack.main();
        ThrowawayPostgres postgres = ReliabilityStack.postgres();
        Gateway.resetSimulator();
        String billing = main.url(Service.BILLING);
        String cache = main.url(Service.CACHE);
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() ->
                        Gateway.metricIfUp(billing, "aigw_usage_stream_lag", "").orElse(-1) == 0);
        Map<String, Long> pidsBefore = ReliabilityRedisE2EIT.pids();
        double deadLettersBefore = deadLetters(billing);
        String tag = "postgres-" + System.nanoTime();
        Map<String, Object> measured = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();

        Load load = Load.start(USERS, n -> ask(tag, n));
        Load.sleepUnderLoad(BEFORE);
        long stopped = System.nanoTime();
        postgres.stopImmediately();
        long lagPeak = 0;
        long downEnd = System.nanoTime() + DOWN.toNanos();
        while (System.nanoTime() < downEnd) {
            lagPeak = Math.max(lagPeak, (long)
                    Gateway.metricIfUp(billing, "aigw_usage_stream_lag", "").orElse(0));
            Load.sleepUnderLoad(Duration.ofMillis(500));
        }
        long restarted = System.nanoTime();
        postgres.start();
        long back = System.nanoTime();
        long rowsAtBack = Ledger.rows();
        Duration billingBack = awaitOrNull(() -> Gateway.ready(billing) && Ledger.rows() > rowsAtBack);
        long storedAtBack = semanticStores(cache);
        Duration cacheBack = awaitOrNull(() -> semanticStores(cache) > storedAtBack);
        Load.sleepUnderLoad(Duration.ofSeconds(3));
        List<Outcome> outcomes = load.stop();

        List<String> answered = Ledger.answered(outcomes);
        long billed = ReliabilityRedisE2EIT.awaitLedger(answered);
        List<Outcome> down = outcomes.stream()
                .filter(o -> o.startedAt() >= stopped && o.startedAt() < back)
                .toList();
        double deadLettered = deadLetters(billing) - deadLettersBefore;
        measured.put("all", ReliabilityReport.stats(outcomes));
        measured.put("while_postgres_down", ReliabilityReport.stats(down));
        measured.put("postgres_down_s", Load.seconds(restarted - stopped));
        measured.put("usage_stream_lag_peak_while_down", lagPeak);
        measured.put(
                "billing_recording_again_after_s",
                billingBack == null ? "not within " + RECOVERY.toSeconds() + " s" : seconds(billingBack));
        measured.put(
                "cache_storing_semantic_entries_again_after_s",
                cacheBack == null ? "not within " + RECOVERY.toSeconds() + " s" : seconds(cacheBack));
        measured.put("answered", answered.size());
        measured.put("ledger_rows_for_answered", billed);
        measured.put("usage_entries_dead_lettered", (long) deadLettered);
        measured.put("usage_stream_lag_at_end", (long)
                Gateway.metricIfUp(billing, "aigw_usage_stream_lag", "").orElse(-1));
        measured.put("services_restarted", !ReliabilityRedisE2EIT.pids().equals(pidsBefore));

        if (ReliabilityReport.successPct(outcomes) < 99.9) {
            failures.add(ReliabilityReport.round(ReliabilityReport.successPct(outcomes), 3) + " % succeeded");
        }
        if (billed != answered.size()) {
            failures.add(billed + " ledger rows for " + answered.size() + " answered requests");
        }
        if (deadLettered > 0) {
            failures.add((long) deadLettered + " usage entries dead-lettered");
        }
        if (billingBack == null) {
            failures.add("billing did not record usage again within " + RECOVERY.toSeconds() + " s");
        }
        if (cacheBack == null) {
            failures.add("cache stored no semantic entry within " + RECOVERY.toSeconds() + " s");
        }
        if (!ReliabilityRedisE2EIT.pids().equals(pidsBefore)) {
            failures.add("a service was restarted");
        }
        Map<?, ?> all = (Map<?, ?>) measured.get("all");
        measured.put(
                "headline",
                failures.isEmpty()
                        ? all.get("success_pct") + " % of " + all.get("requests") + " succeeded (PostgreSQL down "
                                + measured.get("postgres_down_s") + " s); " + answered.size() + " answered, "
                                + billed + " ledger rows; billing recording again after "
                                + measured.get("billing_recording_again_after_s") + " s, cache storing after "
                                + measured.get("cache_storing_semantic_entries_again_after_s")
                                + " s; no service restarted"
                        : String.join("; ", failures));
        ReliabilityReport.record(new ReliabilityReport.Scenario(
                "postgres-restart",
                "PostgreSQL stopped (immediate) and started",
                "billing and cache recover by themselves; usage events wait in the stream and none is lost",
                failures.isEmpty(),
                measured));

        assertThat(failures).isEmpty();
    }

    private static long semanticStores(String cache) {
        return (long) Gateway.metricIfUp(cache, "aigw_cache_stores_total", "outcome=\"semantic\"")
                .orElse(0);
    }

    private static double deadLetters(String billing) {
        return Gateway.metricIfUp(billing, "aigw_usage_events_total", "result=\"dead_lettered\"")
                .orElse(0);
    }

    private static Duration awaitOrNull(java.util.concurrent.Callable<Boolean> condition) {
        long from = System.nanoTime();
        try {
            await().atMost(RECOVERY).pollInterval(Duration.ofMillis(250)).until(condition);
            return Duration.ofNanos(System.nanoTime() - from);
        } catch (ConditionTimeoutException e) {
            return null;
        }
    }

    private static double seconds(Duration duration) {
        return ReliabilityReport.round(duration.toMillis() / 1000.0, 1);
    }
}
