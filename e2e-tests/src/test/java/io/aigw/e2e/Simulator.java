package io.aigw.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.aigw.launcher.Service;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The simulator's control API, to change a model's behaviour for one test. */
final class Simulator {

    private static final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Simulator() {}

    /** Sets fields of a simulated model's profile, e.g. {@code {"failure_rate":1,"failure_kind":"500"}}. */
    static void configure(String model, String profileJson) {
        send(HttpRequest.newBuilder(uri("/sim/models/" + model))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(profileJson)));
    }

    /** Restores every profile from configuration and clears the statistics. */
    static void reset() {
        send(HttpRequest.newBuilder(uri("/sim/reset")).POST(HttpRequest.BodyPublishers.noBody()));
    }

    private static URI uri(String path) {
        return URI.create(Stack.get().url(Service.SIMULATOR) + path);
    }

    private static void send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response =
                    http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode())
                    .as("simulator control: %s", response.body())
                    .isBetween(200, 299);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
