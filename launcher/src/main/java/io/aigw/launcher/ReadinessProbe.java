package io.aigw.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Pattern;

/** Asks a Spring Boot service whether it is ready: {@code GET /actuator/health/readiness} answers UP. */
final class ReadinessProbe {

    static final String PATH = "/actuator/health/readiness";
    private static final Pattern UP = Pattern.compile("\"status\"\\s*:\\s*\"UP\"");
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(1))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    boolean isReady(String baseUrl) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + PATH))
                .timeout(REQUEST_TIMEOUT)
                .GET()
                .build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && isUp(response.body());
        } catch (IOException e) {
            return false; // not listening yet, or mid-start
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static boolean isUp(String body) {
        return body != null && UP.matcher(body).find();
    }
}
