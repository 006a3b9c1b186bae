package io.aigw.bench.overhead.adapter.out.http;

import io.aigw.bench.overhead.domain.Latency;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop streaming chat completions ({@code "stream": true}): each of N workers opens a stream,
 * reads it line by line as it arrives and notes when the first content chunk came and when the stream
 * ended, then opens the next, until the duration is over. Every prompt is new.
 */
public final class StreamProbe {

    /** What a run measured. */
    public record Result(long streams, long errors, Latency firstToken, Latency total) {}

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final AtomicLong sequence = new AtomicLong();
    private final java.util.concurrent.atomic.AtomicReference<String> firstError =
            new java.util.concurrent.atomic.AtomicReference<>();

    /** The first failure this probe saw (status and body, or the exception), for the run's log. */
    public java.util.Optional<String> firstError() {
        return java.util.Optional.ofNullable(firstError.get());
    }

    private void noteFirstError(String error) {
        firstError.compareAndSet(null, error.length() > 300 ? error.substring(0, 300) + "…" : error);
    }

    public Result run(
            String baseUrl, String model, Map<String, String> headers, int connections, Duration duration, String tag) {
        long end = System.nanoTime() + duration.toNanos();
        ExecutorService workers = Executors.newFixedThreadPool(connections);
        List<Future<long[][]>> futures = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        for (int i = 0; i < connections; i++) {
            futures.add(workers.submit(() -> loop(baseUrl, model, headers, end, tag, errors)));
        }
        List<Long> firsts = new ArrayList<>();
        List<Long> totals = new ArrayList<>();
        try {
            for (Future<long[][]> future : futures) {
                long[][] timings = future.get();
                for (long t : timings[0]) {
                    firsts.add(t);
                }
                for (long t : timings[1]) {
                    totals.add(t);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("stream worker failed: " + e.getCause(), e.getCause());
        } finally {
            workers.shutdownNow();
        }
        return new Result(
                totals.size(),
                errors.get(),
                Latency.ofNanos(firsts.stream().mapToLong(Long::longValue).toArray()),
                Latency.ofNanos(totals.stream().mapToLong(Long::longValue).toArray()));
    }

    private long[][] loop(
            String baseUrl, String model, Map<String, String> headers, long end, String tag, AtomicLong errors) {
        List<Long> firsts = new ArrayList<>();
        List<Long> totals = new ArrayList<>();
        while (System.nanoTime() < end) {
            String body = "{\"model\":\"" + model + "\",\"stream\":true,\"max_tokens\":64,\"messages\":[{\"role\":"
                    + "\"user\",\"content\":\"Tell a short story about " + tag + " " + sequence.incrementAndGet()
                    + ".\"}]}";
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/v1/chat/completions"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json");
            headers.forEach(request::header);
            long start = System.nanoTime();
            try {
                HttpResponse<InputStream> response = http.send(
                        request.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                try (BufferedReader reader =
                        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                    if (response.statusCode() != 200) {
                        java.io.StringWriter answer = new java.io.StringWriter();
                        reader.transferTo(answer);
                        noteFirstError(response.statusCode() + " " + answer);
                        errors.incrementAndGet();
                        continue;
                    }
                    long first = -1;
                    String line;
                    while ((line = reader.readLine()) != null) {
                        if (first < 0 && line.startsWith("data:") && !line.contains("[DONE]")) {
                            first = System.nanoTime() - start;
                        }
                    }
                    if (first < 0) {
                        errors.incrementAndGet();
                        continue;
                    }
                    firsts.add(first);
                    totals.add(System.nanoTime() - start);
                }
            } catch (IOException e) {
                noteFirstError(e.toString());
                errors.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return new long[][] {
            firsts.stream().mapToLong(Long::longValue).toArray(),
            totals.stream().mapToLong(Long::longValue).toArray()
        };
    }
}
