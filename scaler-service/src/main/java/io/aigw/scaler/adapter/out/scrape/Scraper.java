package io.aigw.scaler.adapter.out.scrape;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Fetches one instance's {@code /actuator/prometheus}; empty when it does not answer 200 in time. */
public final class Scraper {

    private final HttpClient http;
    private final Duration timeout;

    public Scraper(Duration timeout) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.timeout = timeout;
    }

    public Optional<List<PrometheusText.Sample>> scrape(String baseUrl) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(strip(baseUrl) + "/actuator/prometheus"))
                    .timeout(timeout)
                    .header("Accept", "text/plain;version=0.0.4")
                    .GET()
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(PrometheusText.parse(response.body())) : Optional.empty();
        } catch (java.io.IOException | IllegalArgumentException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
