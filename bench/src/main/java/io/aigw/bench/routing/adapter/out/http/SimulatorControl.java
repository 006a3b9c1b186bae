package io.aigw.bench.routing.adapter.out.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The provider simulator's control API ({@code PUT /sim/models/{model}}). */
public final class SimulatorControl {

    /** No delays and no limits: the benchmark measures accuracy and cost, not the simulated latency. */
    static final String UNTHROTTLED = "{\"time_to_first_token\":\"0ms\",\"per_token_delay\":\"0ms\",\"jitter\":0,"
            + "\"rpm\":0,\"tpm\":0,\"failure_rate\":0}";

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    /** @param baseUrl e.g. {@code http://127.0.0.1:8090} */
    public SimulatorControl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Sets a profile to zero latency and no RPM/TPM limits; returns the profile in effect. */
    public String unthrottle(String model) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/sim/models/" + model))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(UNTHROTTLED)));
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
