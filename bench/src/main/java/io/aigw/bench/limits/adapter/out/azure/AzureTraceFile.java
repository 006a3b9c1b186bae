package io.aigw.bench.limits.adapter.out.azure;

import io.aigw.bench.limits.domain.TraceRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The Azure LLM inference trace (Azure/AzurePublicDataset, CC-BY 4.0): {@code TIMESTAMP,
 * ContextTokens, GeneratedTokens}, timestamps like {@code 2023-11-16 18:15:46.6805900}, no quoting.
 */
public final class AzureTraceFile {

    static final String HEADER = "TIMESTAMP,ContextTokens,GeneratedTokens";

    private AzureTraceFile() {}

    public static List<TraceRequest> read(Path file) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the trace " + file + ": " + e.getMessage(), e);
        }
    }

    /** The rows in file order, offsets from the first row's timestamp. */
    public static List<TraceRequest> parse(Reader reader) throws IOException {
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        String header = in.readLine();
        if (header == null || !header.strip().replace("\uFEFF", "").equals(HEADER)) {
            throw new IllegalArgumentException("not an Azure LLM trace: header is " + header + ", expected " + HEADER);
        }
        List<TraceRequest> rows = new ArrayList<>();
        LocalDateTime first = null;
        String line;
        int number = 1;
        while ((line = in.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split(",");
            if (fields.length != 3) {
                throw new IllegalArgumentException("line " + number + " has " + fields.length + " fields: " + line);
            }
            LocalDateTime at = LocalDateTime.parse(fields[0].strip().replace(' ', 'T'));
            if (first == null) {
                first = at;
            }
            Duration offset = Duration.between(first, at);
            if (offset.isNegative()) {
                throw new IllegalArgumentException("line " + number + " goes back in time: " + line);
            }
            rows.add(
                    new TraceRequest(offset, Integer.parseInt(fields[1].strip()), Integer.parseInt(fields[2].strip())));
        }
        return rows;
    }
}
