package io.aigw.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.core.http.HttpResponseFor;
import com.openai.errors.UnauthorizedException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A key's whole life through the real gateway and billing: created with the admin API, used with the
 * official SDK, billed in the ledger to the cent the client was told, revoked and then refused.
 */
@ExtendWith(Stack.class)
class BillingE2EIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static String gateway() {
        return Stack.get().url(io.aigw.launcher.Service.GATEWAY);
    }

    private static JsonNode admin(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway() + path))
                .header("Authorization", "Bearer " + Stack.ADMIN_TOKEN)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10));
        request = body == null
                ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.method(method, HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as("%s %s: %s", method, path, response.body())
                .isBetween(200, 299);
        return JSON.readTree(response.body());
    }

    @Test
    void shouldBillAKeysRequestsExactlyAndRefuseTheKeyOnceRevoked() throws Exception {
        String tenant = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        admin("POST", "/admin/tenants", "{\"id\":\"" + tenant + "\",\"display_name\":\"E2E\",\"plan\":\"basic\"}");
        JsonNode created = admin("POST", "/admin/tenants/" + tenant + "/keys", "{\"name\":\"e2e\"}");
        String key = created.get("key").asText();

        HttpResponseFor<ChatCompletion> answer = Clients.withKey(key)
                .chat()
                .completions()
                .withRawResponse()
                .create(ChatCompletionCreateParams.builder()
                        .model("gpt-4o-mini")
                        .addUserMessage("Bill this to " + tenant)
                        .build());
        assertThat(answer.statusCode()).isEqualTo(200);
        BigDecimal cost =
                new BigDecimal(answer.headers().values("x-aigw-cost-usd").get(0));

        // the ledger row arrives through the usage stream
        JsonNode totals = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> admin("GET", "/admin/reports/usage?tenant=" + tenant, null)
                                .get("totals"),
                        t -> t.get("requests").asLong() == 1);
        assertThat(new BigDecimal(totals.get("cost_usd").asText())).isEqualByComparingTo(cost);

        admin("POST", "/admin/tenants/" + tenant + "/keys/" + created.get("id").asText() + "/revoke", null);

        // the gateway forgets its in-process copy when billing's revocation notice arrives (ADR 0023):
        // milliseconds, bounded by the copy's 5 s
        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThatThrownBy(() -> Clients.withKey(key)
                                .chat()
                                .completions()
                                .create(ChatCompletionCreateParams.builder()
                                        .model("gpt-4o-mini")
                                        .addUserMessage("Still there?")
                                        .build()))
                        .isInstanceOf(UnauthorizedException.class));
    }
}
