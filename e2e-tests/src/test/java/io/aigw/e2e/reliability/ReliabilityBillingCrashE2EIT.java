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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * billing is killed with SIGKILL under load (its budget holds fail open, requests go on), started
 * again while the load continues, and the ledger in PostgreSQL ends with exactly one row per answered
 * request: none lost with the killed consumer's unacknowledged entries, none written twice.
 */
@ExtendWith({ReliabilityStack.class, ReliabilityReport.class})
class ReliabilityBillingCrashE2EIT {

    private static final int USERS = 4;
    private static final int ANSWERED_BEFORE_KILL = 40;

    @Test
    void shouldLedgerEveryAnsweredRequestExactlyOnceWhenBillingIsKilledUnderLoad() {
        LocalStack main = ReliabilityStack.main();
        Gateway.resetSimulator();
        String billing = main.url(Service.BILLING);
        // start from a quiet ledger: earlier scenarios' events are all in
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() ->
                        Gateway.metricIfUp(billing, "aigw_usage_stream_lag", "").orElse(-1) == 0);
        long rowsBefore = Ledger.rows();
        String tag = "billing-kill-" + System.nanoTime();
        Map<String, Object> measured = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();

        Load load =
                Load.start(USERS, n -> new Gateway.Ask("plain", "gpt-4o-mini", tag + " request " + n, false, "off"));
        await().atMost(Duration.ofSeconds(60)).until(() -> load.count(o -> o.status() == 200) >= ANSWERED_BEFORE_KILL);
        long pid = main.pid(Service.BILLING);
        long killed = System.nanoTime();
        ProcessHandle.of(pid).orElseThrow().destroyForcibly(); // SIGKILL
        await().atMost(Duration.ofSeconds(10)).until(() -> !main.isRunning(Service.BILLING));
        Load.sleepUnderLoad(Duration.ofSeconds(5));
        long restarting = System.nanoTime();
        main.restart(Service.BILLING);
        long ready = System.nanoTime();
        Load.sleepUnderLoad(Duration.ofSeconds(3));
        List<Outcome> outcomes = load.stop();

        List<String> answered = Ledger.answered(outcomes);
        long billed = ReliabilityRedisE2EIT.awaitLedger(answered);
        long rowsAfter = Ledger.rows();
        long extra = rowsAfter - rowsBefore - billed;
        List<Outcome> whileDead = outcomes.stream()
                .filter(o -> o.startedAt() >= killed && o.startedAt() < ready)
                .toList();
        measured.put("all", ReliabilityReport.stats(outcomes));
        measured.put("while_billing_dead_or_starting", ReliabilityReport.stats(whileDead));
        measured.put("billing_dead_s", Load.seconds(restarting - killed));
        measured.put("billing_restart_to_ready_s", Load.seconds(ready - restarting));
        measured.put("answered", answered.size());
        measured.put("ledger_rows_for_answered", billed);
        measured.put("ledger_rows_not_for_an_answer", extra);

        if (billed != answered.size()) {
            failures.add(billed + " ledger rows for " + answered.size() + " answered requests");
        }
        if (extra != 0) {
            failures.add(extra + " ledger rows that belong to no answered request");
        }
        if (ReliabilityReport.successPct(outcomes) < 99.9) {
            failures.add(ReliabilityReport.round(ReliabilityReport.successPct(outcomes), 3) + " % succeeded");
        }
        measured.put(
                "headline",
                failures.isEmpty()
                        ? answered.size() + " answered, " + billed + " ledger rows, 0 extra ("
                                + ((Map<?, ?>) measured.get("all")).get("success_pct") + " % succeeded; billing dead "
                                + measured.get("billing_dead_s") + " s + " + measured.get("billing_restart_to_ready_s")
                                + " s to ready)"
                        : String.join("; ", failures));
        ReliabilityReport.record(new ReliabilityReport.Scenario(
                "billing-kill",
                "billing killed (SIGKILL) under load and restarted",
                "the ledger ends with exactly one row per answered request",
                failures.isEmpty(),
                measured));

        assertThat(failures).isEmpty();
    }
}
