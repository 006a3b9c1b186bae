package io.aigw.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A monthly budget holds under a burst: 50 concurrent requests against a budget that covers about 10
 * requests' maximum cost are partly refused with 429 {@code insufficient_quota}, and what the ledger
 * bills never passes the budget by more than one request's maximum cost.
 */
@ExtendWith(Stack.class)
class BudgetE2EIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private static final int BURST = 50;
    private static final int MAX_TOKENS = 200;
    private static final String PROMPT = "Say something about budgets.";
    private static final BigDecimal MTOK = BigDecimal.valueOf(1_000_000);
    /** gpt-4o-mini in the catalog: USD per million tokens. */
    private static final BigDecimal INPUT_PRICE = new BigDecimal("0.15");

    private static final BigDecimal OUTPUT_PRICE = new BigDecimal("0.60");

    @Test
    void shouldRefuseWhatTheBudgetCannotCoverAndBillNoMoreThanItAllows() throws Exception {
        // a probe with the demo key (another tenant) tells the prompt's token count without spending the budget
        HttpResponse<String> probe = chat(Stack.get().demoKey());
        assertThat(probe.statusCode()).as(probe.body()).isEqualTo(200);
        JsonNode usage = JSON.readTree(probe.body()).get("usage");
        long promptTokens = usage.get("prompt_tokens").asLong();
        long completionTokens = usage.get("completion_tokens").asLong();
        assertThat(promptTokens).isPositive();
        assertThat(completionTokens).isBetween(1L, (long) MAX_TOKENS);
        assertThat(new BigDecimal(header(probe, "x-aigw-cost-usd")))
                .as("the catalog price of gpt-4o-mini")
                .isEqualByComparingTo(cost(promptTokens, completionTokens));

        BigDecimal maxCost = cost(promptTokens, MAX_TOKENS);
        // the plan stores six decimals: round down, so the budget is never more than ten maximum costs
        BigDecimal budget = maxCost.multiply(BigDecimal.TEN).setScale(6, RoundingMode.DOWN);
        String plan = "tiny-" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode created = Admin.call(
                "POST",
                "/admin/plans",
                """
                {"name":"%s","requests_per_day":100000,"tokens_per_day":null,"requests_per_minute":10000,
                 "tokens_per_minute":null,"max_tier":3,"allowed_models":[],"monthly_budget_usd":"%s"}"""
                        .formatted(plan, budget.toPlainString()));
        assertThat(new BigDecimal(created.get("monthly_budget_usd").asText())).isEqualByComparingTo(budget);
        assertThat(Admin.send("POST", "/admin/plans", "{\"name\":\"" + plan + "\",\"max_tier\":1}")
                        .statusCode())
                .as("a second plan of the same name")
                .isEqualTo(409);
        String tenant = Admin.tenantOn(plan);
        String key = Admin.keyOf(tenant);

        List<CompletableFuture<HttpResponse<String>>> burst = new java.util.ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            burst.add(chatAsync(key));
        }
        CompletableFuture.allOf(burst.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);

        int ok = 0;
        int refused = 0;
        BigDecimal told = BigDecimal.ZERO;
        for (CompletableFuture<HttpResponse<String>> future : burst) {
            HttpResponse<String> response = future.get();
            JsonNode body = JSON.readTree(response.body());
            if (response.statusCode() == 200) {
                ok++;
                told = told.add(new BigDecimal(header(response, "x-aigw-cost-usd")));
            } else {
                assertThat(response.statusCode()).as(response.body()).isEqualTo(429);
                assertThat(body.at("/error/code").asText()).as(response.body()).isEqualTo("insufficient_quota");
                assertThat(body.at("/error/message").asText()).isNotBlank();
                refused++;
            }
        }
        assertThat(refused).as("refused with insufficient_quota").isPositive();
        assertThat(ok).as("answered").isPositive();
        assertThat(told).as("spend the clients were told").isLessThanOrEqualTo(budget.add(maxCost));

        // routing publishes a usage event for a refused request too (status 429, cost 0): the ledger
        // counts every request of the burst and bills only the answered ones
        JsonNode totals = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> Admin.totals(tenant), t -> t.get("requests").asLong() >= BURST);
        assertThat(totals.get("requests").asLong()).isEqualTo(BURST);
        BigDecimal billed = new BigDecimal(totals.get("cost_usd").asText());
        assertThat(billed).isEqualByComparingTo(told);
        assertThat(billed).isLessThanOrEqualTo(budget.add(maxCost));
    }

    private static BigDecimal cost(long promptTokens, long completionTokens) {
        return INPUT_PRICE
                .multiply(BigDecimal.valueOf(promptTokens))
                .add(OUTPUT_PRICE.multiply(BigDecimal.valueOf(completionTokens)))
                .divide(MTOK);
    }

    private static HttpRequest request(String key) {
        String body =
                """
                {"model":"gpt-4o-mini","max_tokens":%d,"messages":[{"role":"user","content":"%s"}]}"""
                        .formatted(MAX_TOKENS, PROMPT);
        return HttpRequest.newBuilder(URI.create(Clients.gatewayBaseUrl() + "/chat/completions"))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .header("x-aigw-cache", "off")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static HttpResponse<String> chat(String key) throws Exception {
        return HTTP.send(request(key), HttpResponse.BodyHandlers.ofString());
    }

    private static CompletableFuture<HttpResponse<String>> chatAsync(String key) {
        return HTTP.sendAsync(request(key), HttpResponse.BodyHandlers.ofString());
    }

    private static String header(HttpResponse<String> response, String name) {
        return response.headers()
                .firstValue(name)
                .orElseThrow(() -> new AssertionError("no " + name + " header in " + response.headers()));
    }
}
