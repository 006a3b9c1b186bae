package io.aigw.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.errors.PermissionDeniedException;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.aigw.launcher.LocalStack;
import io.aigw.launcher.Service;
import io.aigw.launcher.StackSpec;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The scaler closing its loop on real services, in a stack of its own (its brown-out would cap the
 * tiers of every other test): it scrapes routing's real metrics under load, records a scale-up it
 * only logs (dry-run, no Kubernetes here), and a month's budget far below the spend makes it publish
 * a brown-out that routing applies — the top tier stops answering.
 */
class ScalerE2EIT {

    private static final String ADMIN = "scaler-admin-" + UUID.randomUUID();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static LocalStack stack;

    @BeforeAll
    static void start() throws IOException {
        Path root = Path.of(System.getProperty("aigw.e2e.projectRoot", ".."))
                .toAbsolutePath()
                .normalize();
        int routingPort = freePort();
        stack = LocalStack.start(StackSpec.builder(root)
                .services(List.of(Service.SIMULATOR, Service.ROUTING, Service.GATEWAY, Service.SCALER))
                .port(Service.ROUTING, routingPort)
                .randomFreePorts()
                .embeddedRedis()
                .logDirectory(root.resolve("e2e-tests/target/e2e-logs/scaler"))
                .env(Service.SCALER, "AIGW_ADMIN_TOKEN", ADMIN)
                .env(Service.SCALER, "AIGW_SCALER_INTERVAL", "2s")
                // scrape only the routing replica this stack runs, and call 0.1 request/s a full replica
                .env(Service.SCALER, "AIGW_SCALER_WORKLOADS_ROUTING_INSTANCES_0", "http://127.0.0.1:" + routingPort)
                .env(Service.SCALER, "AIGW_SCALER_WORKLOADS_ROUTING_REQUESTSPERSECOND", "0.1")
                // any spend at all projects over this month's budget
                .env(Service.SCALER, "AIGW_MONTHLY_BUDGET_USD", "0.000001")
                .env(Service.SCALER, "AIGW_SCALER_POLICY_BADINTERVALS", "1")
                .healthTimeout(Duration.ofSeconds(180))
                .build());
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static OpenAIClient client() {
        return OpenAIOkHttpClient.builder()
                .baseUrl(stack.url(Service.GATEWAY) + "/v1")
                .apiKey(stack.demoKey())
                .putHeader("x-aigw-cache", "off")
                .maxRetries(0)
                .timeout(Duration.ofSeconds(30))
                .build();
    }

    private static ChatCompletionCreateParams ask(String model, String text) {
        return ChatCompletionCreateParams.builder()
                .model(model)
                .addUserMessage(text)
                .build();
    }

    private static JsonNode decisions(String workload) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(stack.url(Service.SCALER) + "/admin/scaler/decisions?workload="
                                + workload + "&limit=50"))
                        .header("Authorization", "Bearer " + ADMIN)
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static boolean any(JsonNode list, java.util.function.Predicate<JsonNode> test) {
        for (JsonNode node : list.isArray() ? list : list.path("decisions")) {
            if (test.test(node)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void shouldRecordAScaleUpAndBrownOutTheTopTierWhenLoadAndSpendRise() {
        OpenAIClient client = client();
        assertThat(client.chat()
                        .completions()
                        .create(ChatCompletionCreateParams.builder()
                                .model("gpt-4o")
                                .addUserMessage("Top tier, before any brown-out.")
                                .build())
                        .choices())
                .isNotEmpty();

        // load: a few requests a second, until the scaler has seen it and decided
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    client.chat().completions().create(ask("gpt-4o-mini", "load " + UUID.randomUUID()));
                    return any(
                            decisions("routing"),
                            d -> d.path("desired_replicas").asInt()
                                            > d.path("current_replicas").asInt()
                                    && !d.path("applied").asBoolean(true));
                });

        // the brown-out reaches routing: the tier-3 model is refused for what the policy allows
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    try {
                        client.chat()
                                .completions()
                                .create(ChatCompletionCreateParams.builder()
                                        .model("gpt-4o")
                                        .addUserMessage("Top tier, during the brown-out? " + UUID.randomUUID())
                                        .build());
                        return false;
                    } catch (PermissionDeniedException refused) {
                        return refused.code().orElse("").equals("model_not_allowed");
                    }
                });
        assertThat(client.chat()
                        .completions()
                        .create(ask("gpt-4o-mini", "Tier 1 still answers."))
                        .choices())
                .isNotEmpty();
    }
}
