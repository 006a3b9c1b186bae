package io.aigw.bench.limits.adapter.out.http;

import io.aigw.bench.limits.domain.SimulatorModelStats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The simulator's control API: profiles ({@code PUT /sim/models/{m}}), reset and {@code GET /sim/stats}. */
public final class SimulatorLimits {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    /** @param baseUrl e.g. {@code http://127.0.0.1:8090} */
    public SimulatorLimits(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Clears limiter windows, stats and profile changes. */
    public void reset() {
        send(HttpRequest.newBuilder(URI.create(baseUrl + "/sim/reset")).POST(HttpRequest.BodyPublishers.noBody()));
    }

    /**
     * No latency, answers of {@code outputTokens} filler tokens (cut to each request's {@code
     * max_tokens}), no replay, no faults, and these limits (0 = none).
     */
    public void fastProfile(String model, int outputTokens, long rpm, long tpm) {
        String body = "{\"time_to_first_token\":\"0ms\",\"per_token_delay\":\"0ms\",\"jitter\":0,"
                + "\"output_tokens\":" + outputTokens + ",\"failure_rate\":0,\"replay\":\"none\","
                + "\"rpm\":" + rpm + ",\"tpm\":" + tpm + "}";
        send(HttpRequest.newBuilder(URI.create(baseUrl + "/sim/models/" + model))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** One model's figures; {@link SimulatorModelStats#NONE} when it saw nothing. */
    public SimulatorModelStats stats(String model) {
        JsonNode root = JSON.readTree(send(HttpRequest.newBuilder(URI.create(baseUrl + "/sim/stats?model=" + model))
                .GET()));
        Duration windowLength = Duration.ofMillis(
                Long.parseLong(root.path("window").asString("10000ms").replace("ms", "")));
        JsonNode m = root.path("models").path(model);
        if (m.isMissingNode()) {
            return SimulatorModelStats.NONE;
        }
        JsonNode totals = m.path("totals");
        List<SimulatorModelStats.Window> windows = new ArrayList<>();
        for (JsonNode w : m.path("windows")) {
            JsonNode counts = w.path("counts");
            windows.add(new SimulatorModelStats.Window(
                    Instant.parse(w.path("start").asString()),
                    counts.path("accepted_requests").asLong(),
                    counts.path("accepted_tokens").asLong(),
                    counts.path("rejected_requests").asLong()));
        }
        return new SimulatorModelStats(
                totals.path("accepted_requests").asLong(),
                totals.path("accepted_tokens").asLong(),
                totals.path("rejected_requests").asLong(),
                totals.path("failed_requests").asLong(),
                m.path("max_accepted_requests_per_minute").asLong(),
                m.path("max_accepted_tokens_per_minute").asLong(),
                windowLength,
                windows);
    }

    private String send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response =
                    http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(
                        "simulator control answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException("simulator control: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
