package io.aigw.simulator.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class RateLimitAndStatsIT extends SimulatorHttpTestBase {

    @Test
    void shouldEnforceRpmLikeAProviderAndReportItInStats() {
        profile("it-rpm", Map.of("rpm", 3, "tpm", 100_000));

        for (int i = 0; i < 3; i++) {
            post("/v1/chat/completions", chatBody("it-rpm", "hi", Map.of()))
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .valueEquals("x-ratelimit-limit-requests", "3")
                    .expectHeader()
                    .valueEquals("x-ratelimit-remaining-requests", Integer.toString(2 - i));
        }
        for (int i = 0; i < 2; i++) {
            post("/v1/chat/completions", chatBody("it-rpm", "hi", Map.of()))
                    .expectStatus()
                    .isEqualTo(429)
                    .expectHeader()
                    .valueEquals("x-ratelimit-remaining-requests", "0")
                    .expectHeader()
                    .valueMatches("retry-after", "[1-9][0-9]?")
                    .expectHeader()
                    .exists("x-ratelimit-reset-tokens")
                    .expectBody()
                    .jsonPath("$.error.type")
                    .isEqualTo("requests")
                    .jsonPath("$.error.code")
                    .isEqualTo("rate_limit_exceeded");
        }

        JsonNode model = stats("it-rpm").at("/models/it-rpm");
        assertThat(model.at("/totals/accepted_requests").asInt()).isEqualTo(3);
        assertThat(model.at("/totals/rejected_requests").asInt()).isEqualTo(2);
        assertThat(model.at("/totals/accepted_tokens").asLong()).isPositive();
        assertThat(model.path("max_accepted_requests_per_minute").asInt()).isEqualTo(3);
        assertThat(model.at("/windows/0/counts/accepted_requests").asInt()).isPositive();
    }

    @Test
    void shouldSendAnthropicRateLimitHeadersOnMessages() {
        profile("it-rpm-claude", Map.of("rpm", 1));

        post("/v1/messages", messagesBody("it-rpm-claude", "hi", Map.of()))
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("anthropic-ratelimit-requests-remaining", "0");
        post("/v1/messages", messagesBody("it-rpm-claude", "hi", Map.of()))
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .valueEquals("anthropic-ratelimit-requests-limit", "1")
                .expectHeader()
                .exists("anthropic-ratelimit-requests-reset")
                .expectHeader()
                .exists("retry-after")
                .expectBody()
                .jsonPath("$.error.type")
                .isEqualTo("rate_limit_error");
    }

    @Test
    void shouldChangeRestoreAndValidateProfilesAtRunTime() {
        profile("it-ctl", Map.of("per-token-delay", "5ms", "output_tokens", 7, "failure_kind", "hang"));

        client.get()
                .uri("/sim/models/it-ctl")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.model")
                .isEqualTo("it-ctl")
                .jsonPath("$.per_token_delay")
                .isEqualTo("5ms")
                .jsonPath("$.output_tokens")
                .isEqualTo(7)
                .jsonPath("$.failure_kind")
                .isEqualTo("hang");
        client.put()
                .uri("/sim/models/it-ctl")
                .header("content-type", "application/json")
                .bodyValue("{\"failure_rate\": 2}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType("application/problem+json")
                .expectBody()
                .jsonPath("$.detail")
                .value(detail -> assertThat((String) detail).contains("failure-rate"));
        client.delete().uri("/sim/models/it-ctl").exchange().expectStatus().isNoContent();
        client.get()
                .uri("/sim/models/it-ctl")
                .exchange()
                .expectBody()
                .jsonPath("$.model")
                .isEqualTo("default");
    }
}
