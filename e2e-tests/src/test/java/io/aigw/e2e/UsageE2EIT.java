package io.aigw.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.client.OpenAIClient;
import com.openai.core.http.HttpResponseFor;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every answered request leaves one usage event on the stream, with the cost the client was told. */
@ExtendWith(Stack.class)
class UsageE2EIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The usage stream's key (DESIGN.md, events). */
    private static final String USAGE_STREAM = "aigw:usage";

    private final OpenAIClient client = Clients.withDemoKey();

    @Test
    void shouldPublishTheRequestsUsageWithTheCostTheClientSawWhenAnAnswerArrives() throws Exception {
        RedisClient redis = RedisClient.create(Stack.get().redisUrl());
        try (StatefulRedisConnection<String, String> connection = redis.connect()) {
            // billing trims what every consumer group is done with; a group of the test's own, which
            // reads nothing, keeps the event on the stream until the test has looked at it
            String group = "usage-e2e-" + UUID.randomUUID();
            connection
                    .sync()
                    .xgroupCreate(
                            XReadArgs.StreamOffset.latest(USAGE_STREAM), group, XGroupCreateArgs.Builder.mkstream());
            try {
                HttpResponseFor<ChatCompletion> response = client.chat()
                        .completions()
                        .withRawResponse()
                        .create(ChatCompletionCreateParams.builder()
                                .model("gpt-4o-mini")
                                .addUserMessage("Bill me for this.")
                                .build());
                String requestId =
                        response.headers().values("x-aigw-request-id").get(0);
                BigDecimal cost = new BigDecimal(
                        response.headers().values("x-aigw-cost-usd").get(0));
                long tokens = response.parse().usage().orElseThrow().totalTokens();

                JsonNode event = await().atMost(Duration.ofSeconds(15))
                        .until(() -> find(connection, requestId), Optional::isPresent)
                        .orElseThrow();

                assertThat(event.get("tenant_id").asText()).isEqualTo("demo");
                assertThat(event.get("model").asText()).isEqualTo("gpt-4o-mini");
                assertThat(event.get("provider").asText()).isEqualTo("simulator");
                assertThat(event.get("status").asInt()).isEqualTo(200);
                assertThat(new BigDecimal(event.get("cost_usd").asText())).isEqualByComparingTo(cost);
                assertThat(event.get("prompt_tokens").asLong()
                                + event.get("completion_tokens").asLong())
                        .isEqualTo(tokens);
                assertThat(new BigDecimal(event.get("input_price_per_mtok").asText()))
                        .isEqualByComparingTo("0.15");
            } finally {
                connection.sync().xgroupDestroy(USAGE_STREAM, group);
            }
        } finally {
            redis.shutdown();
        }
    }

    private static Optional<JsonNode> find(StatefulRedisConnection<String, String> connection, String requestId)
            throws Exception {
        List<StreamMessage<String, String>> entries = connection.sync().xrange(USAGE_STREAM, Range.create("-", "+"));
        for (StreamMessage<String, String> entry : entries) {
            JsonNode event = JSON.readTree(entry.getBody().get("event"));
            if (requestId.equals(event.get("request_id").asText())) {
                return Optional.of(event);
            }
        }
        return Optional.empty();
    }
}
