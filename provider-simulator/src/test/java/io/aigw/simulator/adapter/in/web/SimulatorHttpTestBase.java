package io.aigw.simulator.adapter.in.web;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Shared set-up of the HTTP integration tests: one application on a random port for all of them (same
 * configuration, so Spring caches one context), and helpers that talk to it. Each test uses its own model names,
 * so tests never see each other's limits or stats.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class SimulatorHttpTestBase {

    protected static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    protected int port;

    protected WebTestClient client;
    protected WebClient webClient;

    @BeforeEach
    void connect() {
        client = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(20))
                .build();
        webClient = WebClient.create("http://localhost:" + port);
    }

    /** Sets profile fields of {@code model} through the control API. */
    protected void profile(String model, Map<String, Object> fields) {
        client.put()
                .uri("/sim/models/{model}", model)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(fields)
                .exchange()
                .expectStatus()
                .isOk();
    }

    protected static Map<String, Object> chatBody(String model, String userMessage, Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", model);
        body.put(
                "messages",
                List.of(
                        Map.of("role", "system", "content", "You are terse."),
                        Map.of("role", "user", "content", userMessage)));
        body.putAll(extra);
        return body;
    }

    protected static Map<String, Object> messagesBody(String model, String userMessage, Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", model);
        body.put("max_tokens", 256);
        body.put("messages", List.of(Map.of("role", "user", "content", userMessage)));
        body.putAll(extra);
        return body;
    }

    protected WebTestClient.ResponseSpec post(String path, Object body) {
        return client.post()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    protected JsonNode stats(String model) {
        String body = client.get()
                .uri("/sim/stats?model={model}", model)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        return JSON.readTree(body);
    }

    protected static JsonNode parse(String json) {
        return JSON.readTree(json);
    }
}
