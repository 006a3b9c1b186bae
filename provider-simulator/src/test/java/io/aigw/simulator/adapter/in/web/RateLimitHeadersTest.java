package io.aigw.simulator.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimitHeadersTest {

    @Test
    void shouldFormatResetsTheWayOpenAiDoes() {
        assertThat(RateLimitHeaders.openAiDuration(Duration.ofMillis(20))).isEqualTo("20ms");
        assertThat(RateLimitHeaders.openAiDuration(Duration.ofMillis(1500))).isEqualTo("1.5s");
        assertThat(RateLimitHeaders.openAiDuration(Duration.ofSeconds(1))).isEqualTo("1s");
        assertThat(RateLimitHeaders.openAiDuration(Duration.ofMinutes(6))).isEqualTo("6m0s");
        assertThat(RateLimitHeaders.openAiDuration(Duration.ofSeconds(61))).isEqualTo("1m1s");
    }

    @Test
    void shouldDecodeBase64EmbeddingsAsLittleEndianFloats() {
        String encoded = OpenAiEmbeddingsController.base64(new float[] {1.0f, -2.5f});

        // 1.0f = 0x3F800000, -2.5f = 0xC0200000, each written low byte first
        assertThat(java.util.Base64.getDecoder().decode(encoded))
                .containsExactly(0, 0, (byte) 0x80, 0x3F, 0, 0, 0x20, (byte) 0xC0);
    }
}
