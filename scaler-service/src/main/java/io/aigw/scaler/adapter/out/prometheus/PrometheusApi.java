package io.aigw.scaler.adapter.out.prometheus;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Instant queries against the Prometheus HTTP API ({@code GET /api/v1/query}). */
public final class PrometheusApi {

    /** One element of an instant vector. */
    public record Series(Map<String, String> labels, double value) {}

    private final HttpClient http;
    private final URI base;
    private final Duration timeout;
    private final JsonMapper json = JsonMapper.builder().build();

    public PrometheusApi(URI base, Duration timeout) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.base = base;
        this.timeout = timeout;
    }

    /** The vector, or an exception when Prometheus is unreachable or answers with an error. */
    public List<Series> query(String promql) throws IOException {
        String url = base.toString().replaceAll("/$", "") + "/api/v1/query?query="
                + URLEncoder.encode(promql, StandardCharsets.UTF_8);
        HttpResponse<String> response;
        try {
            response = http.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(timeout)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (response.statusCode() != 200) {
            throw new IOException("Prometheus answered " + response.statusCode() + " to " + promql);
        }
        JsonNode root = json.readTree(response.body());
        if (!"success".equals(root.path("status").asString())) {
            throw new IOException(
                    "Prometheus query failed: " + root.path("error").asString());
        }
        List<Series> series = new ArrayList<>();
        for (JsonNode item : root.path("data").path("result")) {
            Map<String, String> labels = new HashMap<>();
            item.path("metric")
                    .properties()
                    .forEach(e -> labels.put(e.getKey(), e.getValue().asString()));
            String value = item.path("value").path(1).asString();
            try {
                series.add(new Series(labels, Double.parseDouble(value)));
            } catch (NumberFormatException e) {
                // "NaN" parses; anything else is not a sample
            }
        }
        return series;
    }
}
