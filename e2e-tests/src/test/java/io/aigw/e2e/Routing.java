package io.aigw.e2e;

import io.aigw.launcher.Service;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What routing-service itself reports, read from its Prometheus endpoint as an operator would. */
final class Routing {

    private static final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Routing() {}

    /** The breaker state of a deployment: 0 closed, 1 open, 2 half-open; empty before its first call. */
    static OptionalDouble circuitState(String model) {
        return sample("aigw_circuit_state", "model=\"" + model + "\"");
    }

    /** The first sample of {@code metric} whose label set contains {@code label}, summed over none. */
    static OptionalDouble sample(String metric, String label) {
        Pattern line = Pattern.compile("^" + Pattern.quote(metric) + "\\{([^}]*)\\}\\s+(\\S+)$", Pattern.MULTILINE);
        Matcher m = line.matcher(prometheus());
        double total = 0;
        boolean found = false;
        while (m.find()) {
            if (m.group(1).contains(label)) {
                total += Double.parseDouble(m.group(2));
                found = true;
            }
        }
        return found ? OptionalDouble.of(total) : OptionalDouble.empty();
    }

    private static String prometheus() {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(Stack.get().url(Service.ROUTING) + "/actuator/prometheus"))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        "routing /actuator/prometheus answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
