package io.aigw.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.core.http.HttpResponseFor;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.EmbeddingCreateParams;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code /v1/embeddings} through the real gateway, routing, billing and simulator. */
@ExtendWith(Stack.class)
class EmbeddingsE2EIT {

    private static final String MODEL = "text-embedding-3-small";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void shouldAnswerTheOfficialSdkWithVectorsAndTheRouteHeaders() {
        HttpResponseFor<CreateEmbeddingResponse> response = Clients.withDemoKey()
                .embeddings()
                .withRawResponse()
                .create(EmbeddingCreateParams.builder()
                        .model(MODEL)
                        .input("The gateway embeds this sentence.")
                        .build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().values("x-aigw-model")).containsExactly(MODEL);
        CreateEmbeddingResponse answer = response.parse();
        assertThat(answer.data()).hasSize(1);
        assertThat(answer.data().get(0).embedding()).hasSize(384);
        assertThat(answer.usage().promptTokens()).isPositive();
    }

    @Test
    void shouldReturnTheSameVectorAsBase64WhenTheClientAsksForIt() throws Exception {
        List<Float> floats = new ArrayList<>();
        raw("{\"model\":\"" + MODEL + "\",\"input\":\"same text\",\"encoding_format\":\"float\"}")
                .at("/data/0/embedding")
                .forEach(value -> floats.add(value.floatValue()));
        String base64 = raw("{\"model\":\"" + MODEL + "\",\"input\":\"same text\",\"encoding_format\":\"base64\"}")
                .at("/data/0/embedding")
                .asText();

        ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(base64)).order(ByteOrder.LITTLE_ENDIAN);
        List<Float> decoded = new ArrayList<>();
        while (bytes.hasRemaining()) {
            decoded.add(bytes.getFloat());
        }
        assertThat(floats).hasSize(384);
        assertThat(decoded).isEqualTo(floats);
    }

    @Test
    void shouldBillTheRequestToTheTenantInTheLedger() throws Exception {
        String tenant = Admin.tenantOn("pro");
        String key = Admin.keyOf(tenant);

        HttpResponseFor<CreateEmbeddingResponse> response = Clients.withKey(key)
                .embeddings()
                .withRawResponse()
                .create(EmbeddingCreateParams.builder()
                        .model(MODEL)
                        .input(EmbeddingCreateParams.Input.ofArrayOfStrings(List.of("first", "second")))
                        .build());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.parse().data()).hasSize(2);
        BigDecimal cost =
                new BigDecimal(response.headers().values("x-aigw-cost-usd").get(0));
        assertThat(cost).isPositive();

        JsonNode totals = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> Admin.totals(tenant), t -> t.get("requests").asLong() == 1);
        assertThat(new BigDecimal(totals.get("cost_usd").asText())).isEqualByComparingTo(cost);
    }

    private static JsonNode raw(String body) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(Clients.gatewayBaseUrl() + "/embeddings"))
                        .header("Authorization", "Bearer " + Stack.get().demoKey())
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
