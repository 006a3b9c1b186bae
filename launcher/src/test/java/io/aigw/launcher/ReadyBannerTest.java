package io.aigw.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadyBannerTest {

    private final ReadyBanner banner = new ReadyBanner(
            "http://127.0.0.1:8080",
            "aigw-demo-0123456789abcdef0123456789abcdef",
            List.of(
                    new ReadyBanner.Line("provider-simulator", "http://127.0.0.1:8090", 101),
                    new ReadyBanner.Line("gateway-service", "http://127.0.0.1:8080", 106)),
            "redis://127.0.0.1:6390 (embedded, pid 100)",
            Path.of("/work/main/.run/logs"),
            "./aigw stop");

    @Test
    void shouldShowBaseUrlKeyLogsAndStopCommand() {
        String text = banner.render();

        assertThat(text)
                .contains("Base URL  http://127.0.0.1:8080/v1")
                .contains("API key   aigw-demo-0123456789abcdef0123456789abcdef")
                .contains("Logs      /work/main/.run/logs")
                .contains("./aigw stop")
                .contains("gateway-service")
                .contains("pid 106")
                .contains("redis://127.0.0.1:6390 (embedded, pid 100)");
    }

    @Test
    void shouldOfferAPasteableChatCompletionCurl() {
        assertThat(banner.curl())
                .isEqualTo(
                        "curl -sS http://127.0.0.1:8080/v1/chat/completions \\\n"
                                + "  -H 'Authorization: Bearer aigw-demo-0123456789abcdef0123456789abcdef' \\\n"
                                + "  -H 'Content-Type: application/json' \\\n"
                                + "  -d '{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Say hello in five words.\"}]}'");
        assertThat(banner.render()).contains(banner.curl());
    }

    @Test
    void shouldRedactRedisPasswords() {
        assertThat(RedisUrls.redact("redis://user:pw@redis.local:6379/0")).isEqualTo("redis://***@redis.local:6379/0");
        assertThat(RedisUrls.redact("rediss://:pw@h:6380")).isEqualTo("rediss://***@h:6380");
        assertThat(RedisUrls.redact("redis://127.0.0.1:6390")).isEqualTo("redis://127.0.0.1:6390");
    }
}
