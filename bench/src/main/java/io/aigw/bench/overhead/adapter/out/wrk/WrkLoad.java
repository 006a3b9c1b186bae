package io.aigw.bench.overhead.adapter.out.wrk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One closed-loop run of {@code wrk} with the benchmark's Lua script ({@code chat.lua}), which prints
 * its figures as one {@code WRK_JSON} line.
 */
public final class WrkLoad {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path wrk;
    private final Path script;

    public WrkLoad(Path wrk, Path script) {
        this.wrk = wrk;
        this.script = script;
    }

    /** What one run measured. Latencies in microseconds. */
    public record Result(long requests, long errors, double seconds, long p50Micros, long p90Micros, long p99Micros) {}

    /**
     * @param headers extra request headers
     * @param unique a new prompt on every request (tagged with {@code tag}), else the same one
     */
    public Result run(
            String baseUrl,
            int connections,
            Duration duration,
            String model,
            Map<String, String> headers,
            boolean unique,
            String tag) {
        List<String> command = new ArrayList<>(List.of(
                wrk.toString(),
                "-t",
                Integer.toString(Math.min(2, connections)),
                "-c",
                Integer.toString(connections),
                "-d",
                // wrk takes whole seconds (2s, 2m), not milliseconds
                Math.max(1, (duration.toMillis() + 999) / 1000) + "s",
                "--timeout",
                "10s",
                "-s",
                script.toString(),
                baseUrl));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        StringBuilder headerLines = new StringBuilder();
        headers.forEach((name, value) ->
                headerLines.append(name).append(": ").append(value).append('\n'));
        builder.environment().put("BENCH_HEADERS", headerLines.toString());
        builder.environment().put("BENCH_MODEL", model);
        builder.environment().put("BENCH_UNIQUE", unique ? "1" : "0");
        builder.environment().put("BENCH_TAG", tag);
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(duration.toSeconds() + 30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("wrk did not finish");
            }
            return parse(output);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + wrk + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while wrk ran", e);
        }
    }

    static Result parse(String output) {
        String line = output.lines()
                .filter(l -> l.startsWith("WRK_JSON "))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("wrk printed no figures:\n" + output));
        JsonNode n = JSON.readTree(line.substring("WRK_JSON ".length()));
        long errors = n.path("connect_errors").asLong()
                + n.path("read_errors").asLong()
                + n.path("write_errors").asLong()
                + n.path("status_errors").asLong()
                + n.path("timeouts").asLong();
        return new Result(
                n.path("requests").asLong(),
                errors,
                n.path("duration_us").asLong() / 1e6,
                n.path("p50_us").asLong(),
                n.path("p90_us").asLong(),
                n.path("p99_us").asLong());
    }
}
