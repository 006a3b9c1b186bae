package io.aigw.e2e.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A plain HTTP client of the reliability stack: chat completions through the gateway, classified as
 * the application would see them (a whole answer, a clean error, an error event, a broken
 * connection, a silent truncation), plus the simulator's fault controls and the services' own
 * metrics and health. Plain JDK HTTP rather than the SDK, so that how a stream ended is visible.
 */
final class Gateway {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    /** The longest a request may take here: above any provider timeout and fallback chain. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private Gateway() {}

    /**
     * What to ask: model, prompt, stream or not, the {@code x-aigw-cache} mode; and whether the client
     * hangs up after a stream's first chunk, as a user who stops an answer does.
     */
    record Ask(String kind, String model, String prompt, boolean stream, String cache, boolean hangsUp) {

        Ask(String kind, String model, String prompt, boolean stream, String cache) {
            this(kind, model, prompt, stream, cache, false);
        }
    }

    static Outcome chat(Ask ask) {
        String body = "{\"model\":\"" + ask.model() + "\",\"stream\":" + ask.stream()
                + ",\"max_tokens\":64,\"messages\":[{\"role\":\"user\",\"content\":\"" + ask.prompt() + "\"}]}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(ReliabilityStack.gatewayUrl() + "/v1/chat/completions"))
                .header("Authorization", "Bearer " + ReliabilityStack.main().demoKey())
                .header("Content-Type", "application/json")
                .header("x-aigw-cache", ask.cache())
                .timeout(REQUEST_TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        long start = System.nanoTime();
        try {
            HttpResponse<Stream<String>> response = HTTP.send(request, HttpResponse.BodyHandlers.ofLines());
            String id = response.headers().firstValue("x-aigw-request-id").orElse(null);
            String cache = response.headers().firstValue("x-aigw-cache").orElse(null);
            Ending ending;
            try (Stream<String> lines = response.body()) {
                ending = response.statusCode() != 200
                        ? errorBody(lines)
                        : ask.hangsUp()
                                ? firstChunk(lines.iterator())
                                : ask.stream() ? streamEnd(lines.iterator()) : new Ending(wholeAnswer(lines), null);
            }
            return new Outcome(
                    ask.kind(),
                    ending.result(),
                    response.statusCode(),
                    id,
                    cache,
                    start,
                    System.nanoTime(),
                    ending.detail());
        } catch (IOException | UncheckedIOException e) {
            return transportError(ask, start, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return transportError(ask, start, e);
        }
    }

    /** How an answer ended, and the error's message when it ended in one. */
    private record Ending(Outcome.Result result, String detail) {}

    private static Outcome transportError(Ask ask, long start, Exception e) {
        return new Outcome(
                ask.kind(), Outcome.Result.TRANSPORT_ERROR, 0, null, null, start, System.nanoTime(), e.toString());
    }

    private static Ending errorBody(Stream<String> lines) {
        String body = String.join("\n", (Iterable<String>) lines::iterator);
        return body.startsWith("{\"error\":{") && body.contains("\"type\"") && body.contains("\"code\"")
                ? new Ending(Outcome.Result.CLEAN_ERROR, messageOf(body))
                : new Ending(Outcome.Result.BAD_ERROR, body.length() > 200 ? body.substring(0, 200) : body);
    }

    /** {@code error.message} of an OpenAI-shaped error, read without a JSON library. */
    private static String messageOf(String error) {
        Matcher message = MESSAGE.matcher(error);
        return message.find() ? message.group(1) : null;
    }

    private static final Pattern MESSAGE = Pattern.compile("\"message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private static Outcome.Result wholeAnswer(Stream<String> lines) {
        String body = String.join("\n", (Iterable<String>) lines::iterator);
        return body.contains("\"choices\"") && body.contains("\"content\"")
                ? Outcome.Result.OK
                : Outcome.Result.TRUNCATED;
    }

    /** A stream the client leaves after its first chunk: OK once one came, however it goes on. */
    private static Ending firstChunk(Iterator<String> lines) {
        while (lines.hasNext()) {
            String data = dataOf(lines.next());
            if (data != null) {
                return isError(data)
                        ? new Ending(Outcome.Result.ERROR_EVENT, messageOf(data))
                        : new Ending(Outcome.Result.OK, null);
            }
        }
        return new Ending(Outcome.Result.TRUNCATED, null);
    }

    private static Ending streamEnd(Iterator<String> lines) {
        while (lines.hasNext()) {
            String data = dataOf(lines.next());
            if (data == null) {
                continue;
            }
            if (data.equals("[DONE]")) {
                return new Ending(Outcome.Result.OK, null);
            }
            if (isError(data)) {
                return new Ending(Outcome.Result.ERROR_EVENT, messageOf(data));
            }
        }
        return new Ending(Outcome.Result.TRUNCATED, null);
    }

    /** The payload of a server-sent {@code data:} line, or null for any other line. */
    private static String dataOf(String line) {
        return line.startsWith("data:") ? line.substring("data:".length()).trim() : null;
    }

    private static boolean isError(String data) {
        return data.startsWith("{\"error\"");
    }

    /** Sets fields of a simulated model's profile, e.g. {@code {"failure_rate":1,"failure_kind":"500"}}. */
    static void simulate(String model, String profileJson) {
        control(HttpRequest.newBuilder(URI.create(simulatorUrl() + "/sim/models/" + model))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(profileJson)));
    }

    /** Restores every simulated profile from configuration. */
    static void resetSimulator() {
        control(HttpRequest.newBuilder(URI.create(simulatorUrl() + "/sim/reset"))
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    private static String simulatorUrl() {
        return ReliabilityStack.main().url(io.aigw.launcher.Service.SIMULATOR);
    }

    private static void control(HttpRequest.Builder request) {
        HttpResponse<String> response = send(request.timeout(Duration.ofSeconds(10)));
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(
                    "simulator control answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** The sum of the samples of {@code metric} whose labels contain {@code label}; empty when none. */
    static OptionalDouble metric(String baseUrl, String metric, String label) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/prometheus"))
                .timeout(Duration.ofSeconds(10)));
        Pattern line = Pattern.compile("^" + Pattern.quote(metric) + "(\\{([^}]*)\\})?\\s+(\\S+)$", Pattern.MULTILINE);
        Matcher m = line.matcher(response.body());
        double total = 0;
        boolean found = false;
        while (m.find()) {
            String labels = m.group(2) == null ? "" : m.group(2);
            if (label.isEmpty() || labels.contains(label)) {
                total += Double.parseDouble(m.group(3));
                found = true;
            }
        }
        return found ? OptionalDouble.of(total) : OptionalDouble.empty();
    }

    /** Like {@link #metric}, but empty (not an exception) when the service does not answer. */
    static OptionalDouble metricIfUp(String baseUrl, String metric, String label) {
        try {
            return metric(baseUrl, metric, label);
        } catch (RuntimeException down) {
            return OptionalDouble.empty();
        }
    }

    /** Whether a service answers UP on its readiness endpoint. */
    static boolean ready(String baseUrl) {
        try {
            HttpResponse<String> response =
                    send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health/readiness"))
                            .timeout(Duration.ofSeconds(5)));
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (RuntimeException down) {
            return false;
        }
    }

    /** A service's whole health document (details included), or the failure as text. */
    static String health(String baseUrl) {
        try {
            return send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health"))
                            .timeout(Duration.ofSeconds(5)))
                    .body();
        } catch (RuntimeException down) {
            return down.toString();
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
