package io.aigw.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.client.OpenAIClient;
import com.openai.core.http.HttpResponseFor;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.aigw.launcher.LocalStack;
import io.aigw.launcher.Service;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * billing killed with SIGKILL in the middle of traffic loses nothing and counts nothing twice: every
 * client request is answered (the budget hold fails open while billing is away), and once billing is
 * back the ledger holds exactly one row per request, to the cent each client was told.
 */
@ExtendWith(Stack.class)
class BillingCrashE2EIT {

    /** Requests while billing is up, then while it is dead (in flight across the kill), then after the restart. */
    private static final int BEFORE_KILL = 30;

    private static final int WHILE_DEAD = 40;
    private static final int AFTER_RESTART = 50;
    private static final int N = BEFORE_KILL + WHILE_DEAD + AFTER_RESTART;
    private static final int CONCURRENCY = 6;

    record Answer(int status, BigDecimal cost, long answeredAt) {}

    @Test
    void shouldBillEveryRequestExactlyOnceWhenBillingIsKilledMidTraffic() throws Exception {
        LocalStack stack = Stack.get();
        // pro: its per-minute limits are far above what this test sends
        String tenant = Admin.tenantOn("pro");
        OpenAIClient client = Clients.withKey(Admin.keyOf(tenant));
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
        try {
            CountDownLatch answered = new CountDownLatch(BEFORE_KILL);
            List<Future<Answer>> answers = new ArrayList<>();
            // half of the "while dead" requests queue behind the first ones, so some are in flight
            // across the kill; the other half is sent once billing is dead, so some surely run then
            // (with holds placed in Redis the queue can drain before the kill is done)
            for (int i = 0; i < BEFORE_KILL + WHILE_DEAD / 2; i++) {
                answers.add(pool.submit(() -> {
                    try {
                        return send(client, tenant);
                    } finally {
                        answered.countDown();
                    }
                }));
            }
            assertThat(answered.await(120, TimeUnit.SECONDS))
                    .as("%d answers before the kill", BEFORE_KILL)
                    .isTrue();

            long pid = stack.pid(Service.BILLING);
            assertThat(ProcessHandle.of(pid).orElseThrow().destroyForcibly()).isTrue(); // SIGKILL on Linux
            await().atMost(Duration.ofSeconds(10)).until(() -> !stack.isRunning(Service.BILLING));
            long dead = System.nanoTime();
            for (int i = WHILE_DEAD / 2; i < WHILE_DEAD; i++) {
                answers.add(pool.submit(() -> send(client, tenant)));
            }

            for (Future<Answer> answer : answers) {
                answer.get(60, TimeUnit.SECONDS);
            }
            assertThat(stack.isRunning(Service.BILLING))
                    .as("billing stayed dead while the requests ran")
                    .isFalse();

            long restarting = System.nanoTime();
            assertThat(answers.stream().map(BillingCrashE2EIT::done).filter(a -> a.answeredAt() > dead))
                    .as("requests answered while billing was dead (holds placed in Redis, or failing open)")
                    .isNotEmpty()
                    .allMatch(a -> a.answeredAt() < restarting);
            stack.restart(Service.BILLING);
            assertThat(stack.pid(Service.BILLING)).isNotEqualTo(pid);

            for (int i = 0; i < AFTER_RESTART; i++) {
                answers.add(pool.submit(() -> send(client, tenant)));
            }
            BigDecimal told = BigDecimal.ZERO;
            for (Future<Answer> future : answers) {
                Answer answer = future.get(60, TimeUnit.SECONDS);
                assertThat(answer.status()).isEqualTo(200);
                told = told.add(answer.cost());
            }
            assertThat(answers).hasSize(N);
            assertThat(told).isPositive();

            // the entries the killed consumer had read but not acknowledged come back too: billing
            // restarts under the same consumer name and reads its own pending entries first, well
            // before reclaim-idle (60 s) would let another consumer claim them
            JsonNode totals = await().atMost(Duration.ofSeconds(45))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> Admin.totals(tenant), t -> t.get("requests").asLong() >= N);
            assertThat(totals.get("requests").asLong()).isEqualTo(N);
            assertThat(new BigDecimal(totals.get("cost_usd").asText())).isEqualByComparingTo(told);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Answer send(OpenAIClient client, String tenant) {
        HttpResponseFor<ChatCompletion> response = client.chat()
                .completions()
                .withRawResponse()
                .create(ChatCompletionCreateParams.builder()
                        .model("gpt-4o-mini")
                        .addUserMessage("Crash test for " + tenant + ", request " + UUID.randomUUID())
                        .maxCompletionTokens(50)
                        .putAdditionalHeader("x-aigw-cache", "off")
                        .build());
        return new Answer(
                response.statusCode(),
                new BigDecimal(response.headers().values("x-aigw-cost-usd").get(0)),
                System.nanoTime());
    }

    private static Answer done(Future<Answer> answer) {
        try {
            return answer.get(0, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("a request before the restart failed", e);
        }
    }
}
