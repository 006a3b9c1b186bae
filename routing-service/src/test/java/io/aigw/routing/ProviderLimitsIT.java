package io.aigw.routing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.aigw.api.AigwHeaders;
import io.aigw.testsupport.TestInfrastructure;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Provider limits over real HTTP and a real Redis: a full deployment is skipped for the next one, a
 * full plan answers 503 with a retry-after, and a provider's 429 blocks it for every replica.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class ProviderLimitsIT {

    private static final String TOKEN = "t";
    /** Fresh per run, so counts left in Redis by an earlier run never meet this one. */
    private static final String PROVIDER = "limits-it-" + UUID.randomUUID();

    private static final WireMockServer upstream =
            new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

    static {
        upstream.start();
    }

    @Autowired
    WebTestClient client;

    @Autowired
    ReactiveStringRedisTemplate redis;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry r) {
        // the Redis client on the HTTP event loops (ADR 0041 amendments), said here because a test below
        // checks it; the default since 2026-12-04
        r.add("aigw.redis.share-http-event-loops", () -> "true");
        r.add("spring.data.redis.url", () -> TestInfrastructure.redis().url());
        r.add("aigw.internal.token", () -> TOKEN);
        r.add("aigw.providers[0].id", () -> PROVIDER);
        r.add("aigw.providers[0].base-url", () -> upstream.baseUrl() + "/v1");
        model(r, 0, "cheap", 1, "0.1", 2);
        model(r, 1, "backup", 2, "1", 1);
        model(r, 2, "flaky", 1, "0.1", 100);
        model(r, 3, "steady", 2, "1", 100);
        model(r, 4, "signalled", 1, "1", 100);
        r.add("aigw.groups[0].name", () -> "auto");
        r.add("aigw.groups[0].members", () -> "cheap,backup");
        r.add("aigw.groups[1].name", () -> "second");
        r.add("aigw.groups[1].members", () -> "flaky,steady");
    }

    private static void model(DynamicPropertyRegistry r, int i, String name, int tier, String price, int rpm) {
        String p = "aigw.models[" + i + "].";
        r.add(p + "name", () -> name);
        r.add(p + "provider", () -> PROVIDER);
        r.add(p + "tier", () -> Integer.toString(tier));
        r.add(p + "price.input-per-mtok", () -> price);
        r.add(p + "price.output-per-mtok", () -> price);
        r.add(p + "limits.rpm", () -> Integer.toString(rpm));
        r.add(p + "limits.tpm", () -> "100000");
    }

    @AfterAll
    static void stop() {
        upstream.stop();
    }

    @BeforeEach
    void answerEverything() {
        upstream.resetAll();
        upstream.stubFor(post(urlEqualTo("/v1/chat/completions"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"c\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,"
                                + "\"message\":{\"role\":\"assistant\",\"content\":\"ok\"},\"finish_reason\":\"stop\"}],"
                                + "\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":5,\"total_tokens\":15}}")));
    }

    private WebTestClient.ResponseSpec ask(String model) {
        return client.post()
                .uri("/v1/chat/completions")
                .header(AigwHeaders.INTERNAL_TOKEN, TOKEN)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],"
                        + "\"max_tokens\":20}")
                .exchange();
    }

    /** The block is written off the request path: wait for it to land, then read how long it lasts. */
    private Duration blockOf(String model) {
        String key = "aigw:cap:{" + PROVIDER + "}:model:" + model + ":blocked";
        return await().atMost(Duration.ofSeconds(5))
                .until(() -> redis.getExpire(key).block(Duration.ofSeconds(5)), left -> left.getSeconds() > 0);
    }

    @Test
    void redisRepliesArriveOnTheThreadThatServesHttp() {
        // ADR 0041 amendment: Lettuce shares the HTTP server's loops (Reactor Netty's global ones,
        // "webflux-http" under Spring's test context), so no reply changes threads
        String thread = redis.hasKey("aigw:test:no-such-key")
                .map(found -> Thread.currentThread().getName())
                .block(Duration.ofSeconds(5));

        assertThat(thread).contains("-http-").doesNotContain("lettuce");
    }

    @Test
    void shouldSpillOverToTheNextDeploymentAndThenAnswer503WhenEveryLimitIsReached() {
        ask("auto").expectStatus().isOk().expectHeader().valueEquals(AigwHeaders.MODEL, "cheap");
        ask("auto").expectStatus().isOk().expectHeader().valueEquals(AigwHeaders.MODEL, "cheap");
        ask("auto")
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(AigwHeaders.MODEL, "backup")
                .expectHeader()
                .valueEquals(AigwHeaders.ATTEMPTS, "1");

        // the window is the provider's minute plus routing's one-second margin: at most 61 s
        ask("auto")
                .expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .value("retry-after", value -> assertThat(Integer.parseInt(value))
                        .isBetween(1, 61))
                .expectBody()
                .jsonPath("$.error.code")
                .isEqualTo("no_capacity");
        upstream.verify(3, postRequestedFor(urlEqualTo("/v1/chat/completions")));
        // the scrape is larger than the client's default buffer: read it as the stream it is
        String scrape = String.join(
                "",
                client.get()
                        .uri("/actuator/prometheus")
                        .exchange()
                        .returnResult(String.class)
                        .getResponseBody()
                        .collectList()
                        .block(Duration.ofSeconds(10)));
        String cheapRequests = "kind=\"requests\",provider=\"" + PROVIDER + "\",scope=\"model:cheap\"} 0.0";
        String backupTokens = "kind=\"tokens\",provider=\"" + PROVIDER + "\",scope=\"model:backup\"} ";
        assertThat(scrape.contains(cheapRequests))
                .as("aigw_provider_headroom " + cheapRequests)
                .isTrue();
        assertThat(scrape.contains(backupTokens))
                .as("aigw_provider_headroom " + backupTokens)
                .isTrue();
    }

    @Test
    void shouldBlockTheDeploymentForEveryReplicaWhenASuccessfulAnswerSaysTheBudgetIsUsedUp() {
        upstream.stubFor(
                post(urlEqualTo("/v1/chat/completions"))
                        .withRequestBody(matchingJsonPath("$.model", equalTo("signalled")))
                        .willReturn(
                                aResponse()
                                        .withHeader("Content-Type", "application/json")
                                        .withHeader("x-ratelimit-remaining-requests", "0")
                                        .withHeader("x-ratelimit-reset-requests", "20s")
                                        .withBody(
                                                "{\"id\":\"c\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,"
                                                        + "\"message\":{\"role\":\"assistant\",\"content\":\"ok\"},\"finish_reason\":\"stop\"}]}")));

        ask("signalled").expectStatus().isOk();

        Duration left = blockOf("signalled");
        assertThat(left).isGreaterThan(Duration.ofSeconds(10)).isLessThanOrEqualTo(Duration.ofSeconds(20));
        ask("signalled").expectStatus().isEqualTo(503);
    }

    @Test
    void shouldBlockTheDeploymentForEveryReplicaWhenTheProviderAnswers429() {
        upstream.stubFor(post(urlEqualTo("/v1/chat/completions"))
                .withRequestBody(matchingJsonPath("$.model", equalTo("flaky")))
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("retry-after", "30")
                        .withBody("{\"error\":{\"message\":\"slow down\"}}")));

        ask("second").expectStatus().isOk().expectHeader().valueEquals(AigwHeaders.MODEL, "steady");

        // the block lives in Redis, where every routing replica reserves
        Duration left = blockOf("flaky");
        assertThat(left).isGreaterThan(Duration.ofSeconds(20)).isLessThanOrEqualTo(Duration.ofSeconds(30));
    }
}
