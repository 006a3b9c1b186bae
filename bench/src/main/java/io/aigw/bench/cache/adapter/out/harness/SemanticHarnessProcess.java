package io.aigw.bench.cache.adapter.out.harness;

import io.aigw.bench.cache.domain.SemanticTimings;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs cache-service's in-process harness ({@code io.aigw.cache.eval.SemanticLookupLatency}) from the
 * cache-service jar in a child JVM, bounded in time, and reads the timings it writes.
 */
public final class SemanticHarnessProcess {

    static final String MAIN = "io.aigw.cache.eval.SemanticLookupLatency";

    private final Path java;
    private final Path jar;
    private final Path logFile;
    private final PrintStream out;

    public SemanticHarnessProcess(Path java, Path jar, Path logFile, PrintStream out) {
        this.java = java;
        this.jar = jar;
        this.logFile = logFile;
        this.out = out;
    }

    /** Fills the schema and times the lookups; the schema stays until {@link #drop}. */
    public SemanticTimings run(List<String> harnessArgs, Path timingsFile, long timeoutSeconds) throws IOException {
        List<String> args = new ArrayList<>(harnessArgs);
        args.add("--out");
        args.add(timingsFile.toString());
        exec(args, timeoutSeconds);
        return read(Files.readString(timingsFile));
    }

    public void drop(String postgresUrl, String schema) throws IOException {
        exec(List.of("--postgres", postgresUrl, "--schema", schema, "--drop", "true"), 120);
    }

    private void exec(List<String> harnessArgs, long timeoutSeconds) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                java.toString(),
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-Dloader.main=" + MAIN,
                "-cp",
                jar.toString(),
                "org.springframework.boot.loader.launch.PropertiesLauncher"));
        command.addAll(harnessArgs);
        Files.createDirectories(logFile.getParent());
        long seen = Files.exists(logFile) ? Files.readAllLines(logFile).size() : 0;
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(
                        "the semantic harness took over " + timeoutSeconds + " s (log: " + logFile + ")");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        Files.readAllLines(logFile).stream()
                .skip(seen)
                .filter(line -> line.startsWith("semantic-latency:"))
                .forEach(line -> out.println("bench:   " + line));
        if (process.exitValue() != 0) {
            throw new IllegalStateException(
                    "the semantic harness failed (exit " + process.exitValue() + ", log: " + logFile + ")");
        }
    }

    static SemanticTimings read(String text) {
        JsonNode node = JsonMapper.builder().build().readTree(text);
        Map<String, Integer> results = new TreeMap<>();
        node.path("results")
                .properties()
                .forEach(e -> results.put(e.getKey(), e.getValue().asInt()));
        return new SemanticTimings(
                node.path("entries").asLong(),
                node.path("scopes").asInt(),
                node.path("measuredScopeEntries").asLong(),
                node.path("realEntries").asInt(),
                node.path("fillSeconds").asDouble(),
                node.path("hnswBuildSeconds").asDouble(),
                node.path("efSearch").asInt(),
                node.path("plan").asString(),
                results,
                longs(node.path("totalNanos")),
                longs(node.path("embeddingNanos")),
                longs(node.path("indexNanos")));
    }

    private static long[] longs(JsonNode array) {
        long[] values = new long[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asLong();
        }
        return values;
    }
}
