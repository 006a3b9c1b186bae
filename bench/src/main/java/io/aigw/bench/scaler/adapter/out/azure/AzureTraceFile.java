package io.aigw.bench.scaler.adapter.out.azure;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads an Azure LLM inference trace ({@code TIMESTAMP,ContextTokens,GeneratedTokens}, timestamps
 * like {@code 2023-11-16 18:15:46.6805900}) into sorted arrival offsets in seconds from the first.
 */
public final class AzureTraceFile {

    /** The arrivals and the trace's length. */
    public record Trace(double[] offsets, double seconds) {}

    private AzureTraceFile() {}

    public static Trace read(Path file) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader);
        }
    }

    public static Trace read(Reader source) throws IOException {
        BufferedReader reader = source instanceof BufferedReader b ? b : new BufferedReader(source);
        String header = reader.readLine();
        if (header == null || !header.startsWith("TIMESTAMP")) {
            throw new IOException("not an Azure LLM trace (first line: " + header + ")");
        }
        List<LocalDateTime> times = new ArrayList<>();
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            int comma = line.indexOf(',');
            times.add(LocalDateTime.parse(
                    line.substring(0, comma < 0 ? line.length() : comma).replace(' ', 'T')));
        }
        if (times.size() < 2) {
            throw new IOException("the trace holds fewer than two requests");
        }
        LocalDateTime first = times.stream().min(LocalDateTime::compareTo).orElseThrow();
        double[] offsets = new double[times.size()];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = Duration.between(first, times.get(i)).toNanos() / 1e9;
        }
        Arrays.sort(offsets);
        // the loop period: the last arrival plus one mean gap, so a looped trace does not double up at the seam
        double seconds = offsets[offsets.length - 1] + offsets[offsets.length - 1] / (offsets.length - 1);
        return new Trace(offsets, seconds);
    }
}
