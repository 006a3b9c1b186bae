package io.aigw.bench.soak.adapter.out;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A service's JVM figures from its {@code /actuator/prometheus}: heap in use, live data after GC, threads. */
public final class JvmMetrics {

    public record Reading(long heapUsedBytes, long liveDataBytes, long threads) {}

    private static final Pattern LINE = Pattern.compile("^([a-z_]+)(\\{([^}]*)\\})?\\s+(\\S+)$", Pattern.MULTILINE);

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public Reading read(String baseUrl) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/prometheus"))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        double heap = 0;
        double live = 0;
        double threads = 0;
        Matcher m = LINE.matcher(response.body());
        while (m.find()) {
            String name = m.group(1);
            String labels = m.group(3) == null ? "" : m.group(3);
            double value = Double.parseDouble(m.group(4));
            if (name.equals("jvm_memory_used_bytes") && labels.contains("area=\"heap\"")) {
                heap += value;
            } else if (name.equals("jvm_gc_live_data_size_bytes")) {
                live = value;
            } else if (name.equals("jvm_threads_live_threads")) {
                threads = value;
            }
        }
        return new Reading((long) heap, (long) live, (long) threads);
    }
}
