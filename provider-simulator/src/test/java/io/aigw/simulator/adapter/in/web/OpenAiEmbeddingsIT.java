package io.aigw.simulator.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.aigw.simulator.domain.TokenCounter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class OpenAiEmbeddingsIT extends SimulatorHttpTestBase {

    @Test
    void shouldEncodeTheSameVectorAsFloatsAndAsBase64() {
        JsonNode floats = embed(Map.of("model", "it-embed", "input", List.of("hello world", "other text")));
        JsonNode base64 = embed(Map.of("model", "it-embed", "input", "hello world", "encoding_format", "base64"));

        JsonNode vector = floats.at("/data/0/embedding");
        float[] decoded = decode(base64.at("/data/0/embedding").asString());
        assertThat(vector.size()).isEqualTo(384);
        assertThat(decoded).hasSize(384);
        for (int i = 0; i < decoded.length; i++) {
            assertThat(decoded[i]).isEqualTo(vector.get(i).floatValue());
        }
        assertThat(floats.path("data").size()).isEqualTo(2);
        assertThat(floats.at("/data/1/index").asInt()).isEqualTo(1);
        assertThat(floats.at("/data/1/embedding/0").floatValue())
                .isNotEqualTo(vector.get(0).floatValue());
        assertThat(floats.at("/usage/prompt_tokens").asInt())
                .isEqualTo(new TokenCounter().count("hello world") + new TokenCounter().count("other text"));
    }

    @Test
    void shouldHonourDimensionsAndStayDeterministic() {
        JsonNode first = embed(Map.of("model", "it-embed", "input", "same", "dimensions", 64));
        JsonNode second = embed(Map.of("model", "it-embed", "input", "same", "dimensions", 64));

        assertThat(first.at("/data/0/embedding").size()).isEqualTo(64);
        assertThat(first.at("/data/0/embedding")).isEqualTo(second.at("/data/0/embedding"));
    }

    @Test
    void shouldEmbedTokenArraysAsOpenAiDoes() {
        JsonNode one = embed(Map.of("model", "it-embed", "input", List.of(1, 2, 3)));
        JsonNode two = embed(Map.of("model", "it-embed", "input", List.of(List.of(1, 2, 3), List.of(4))));

        assertThat(one.at("/data").size()).isEqualTo(1);
        assertThat(two.at("/data").size()).isEqualTo(2);
        assertThat(two.at("/data/0/embedding")).isEqualTo(one.at("/data/0/embedding"));
    }

    @Test
    void shouldRefuseATokenArrayWithSomethingElseInIt() {
        post("/v1/embeddings", Map.of("model", "it-embed", "input", List.of(List.of(1, "two"))))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.error.param")
                .isEqualTo("input");
    }

    private JsonNode embed(Map<String, Object> body) {
        return parse(post("/v1/embeddings", body)
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody());
    }

    private static float[] decode(String base64) {
        ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(base64)).order(ByteOrder.LITTLE_ENDIAN);
        float[] vector = new float[bytes.remaining() / Float.BYTES];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = bytes.getFloat();
        }
        return vector;
    }
}
