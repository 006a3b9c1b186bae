package io.aigw.bench.soak.adapter.out;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.stream.Stream;

/** One chat completion through the gateway, and how it ended. */
public final class SoakClient {

    public enum Result {
        OK,
        CACHE_HIT,
        EXPECTED_ERROR,
        ERROR
    }

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private final String gatewayUrl;
    private final String key;

    public SoakClient(String gatewayUrl, String key) {
        this.gatewayUrl = gatewayUrl;
        this.key = key;
    }

    /** @param expectStatus a status other than 200 the request is meant to get (0: none) */
    public Result send(String model, String prompt, boolean stream, String cache, int expectStatus) {
        String body = "{\"model\":\"" + model + "\",\"stream\":" + stream
                + ",\"max_tokens\":64,\"messages\":[{\"role\":\"user\",\"content\":\"" + prompt + "\"}]}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(gatewayUrl + "/v1/chat/completions"))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .header("x-aigw-cache", cache)
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
            try (Stream<String> lines = response.body()) {
                if (response.statusCode() != 200) {
                    lines.forEach(line -> {});
                    return response.statusCode() == expectStatus ? Result.EXPECTED_ERROR : Result.ERROR;
                }
                boolean whole = stream ? done(lines.iterator()) : lines.anyMatch(l -> l.contains("\"choices\""));
                if (!whole) {
                    return Result.ERROR;
                }
                return response.headers().firstValue("x-aigw-cache").orElse("").startsWith("hit")
                        ? Result.CACHE_HIT
                        : Result.OK;
            }
        } catch (IOException | RuntimeException e) {
            return Result.ERROR;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Result.ERROR;
        }
    }

    private static boolean done(Iterator<String> lines) {
        boolean done = false;
        while (lines.hasNext()) {
            String line = lines.next();
            if (line.startsWith("data:") && line.substring(5).trim().equals("[DONE]")) {
                done = true;
            }
        }
        return done;
    }
}
