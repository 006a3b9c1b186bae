package io.aigw.simulator.adapter.out.routellm;

import io.aigw.simulator.application.ReplayLibrary;
import io.aigw.simulator.domain.ReplayAnswer;
import io.aigw.simulator.domain.ReplayBook;
import io.aigw.simulator.domain.ReplayRecord;
import io.aigw.simulator.domain.ReplaySource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recorded answers from the RouteLLM evaluation data ({@code gsm8k/gsm8k_responses.csv} and
 * {@code mmlu/mmlu_*.csv} under the data directory), loaded on first use. A missing directory is not fatal: the
 * simulator logs a warning and answers with filler text.
 */
public final class RouteLlmReplayLibrary implements ReplayLibrary {

    static final String WEAK_MODEL = "mistralai/Mixtral-8x7B-Instruct-v0.1";
    static final String STRONG_MODEL = "gpt-4-1106-preview";
    private static final String RESPONSE_SUFFIX = "_response";
    private static final Logger log = LoggerFactory.getLogger(RouteLlmReplayLibrary.class);

    private final Path dataDir;
    private volatile ReplayBook book;

    public RouteLlmReplayLibrary(Path dataDir) {
        this.dataDir = dataDir;
    }

    @Override
    public Optional<ReplayAnswer> find(String prompt, ReplaySource source) {
        return book().find(prompt, source);
    }

    @Override
    public void warmUp() {
        book();
    }

    /** The loaded book; the first call reads the files. */
    public ReplayBook book() {
        ReplayBook loaded = book;
        if (loaded == null) {
            synchronized (this) {
                loaded = book;
                if (loaded == null) {
                    loaded = load();
                    book = loaded;
                }
            }
        }
        return loaded;
    }

    private ReplayBook load() {
        if (!Files.isDirectory(dataDir)) {
            log.warn(
                    "Replay is enabled but the RouteLLM data directory {} does not exist; answering with filler text."
                            + " Set aigw.simulator.replay.data-dir (or AIGW_SHARED_DATA) to fix this.",
                    dataDir.toAbsolutePath().normalize());
            return ReplayBook.EMPTY;
        }
        ReplayBook.Builder builder = ReplayBook.builder();
        int gsm8k = readInto(builder, dataDir.resolve("gsm8k").resolve("gsm8k_responses.csv"), "gsm8k");
        int mmlu = 0;
        Path mmluDir = dataDir.resolve("mmlu");
        if (Files.isDirectory(mmluDir)) {
            try (Stream<Path> files = Files.list(mmluDir)) {
                for (Path file : files.filter(p -> p.getFileName().toString().matches("mmlu_.*\\.csv"))
                        .sorted()
                        .toList()) {
                    mmlu += readInto(builder, file, "mmlu");
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + mmluDir, e);
            }
        }
        ReplayBook loaded = builder.build();
        log.info(
                "Loaded {} replay prompts from {} ({} GSM8K rows, {} MMLU rows)",
                loaded.size(),
                dataDir.toAbsolutePath().normalize(),
                gsm8k,
                mmlu);
        return loaded;
    }

    /** Adds the rows of one file; returns how many rows it had (0 when the file is missing). */
    static int readInto(ReplayBook.Builder builder, Path file, String dataset) {
        if (!Files.isRegularFile(file)) {
            log.warn("Replay data file {} is missing; skipping it", file);
            return 0;
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Rfc4180Reader csv = new Rfc4180Reader(in);
            Columns columns = Columns.of(csv.next(), file);
            int rows = 0;
            for (List<String> row = csv.next(); row != null; row = csv.next()) {
                if (row.size() == 1 && row.get(0).isEmpty()) {
                    continue;
                }
                builder.add(row.get(columns.prompt()), columns.record(row, dataset));
                rows++;
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private record Columns(int prompt, int weak, int strong, int weakResponse, int strongResponse) {

        static Columns of(List<String> header, Path file) {
            if (header == null) {
                throw new IllegalStateException(file + " is empty");
            }
            int prompt = header.indexOf("prompt");
            int weak = header.indexOf(WEAK_MODEL);
            int strong = header.indexOf(STRONG_MODEL);
            if (prompt < 0 || weak < 0 || strong < 0) {
                throw new IllegalStateException(file + " lacks one of the columns prompt, " + WEAK_MODEL + ", "
                        + STRONG_MODEL + "; header: " + header);
            }
            return new Columns(
                    prompt,
                    weak,
                    strong,
                    header.indexOf(WEAK_MODEL + RESPONSE_SUFFIX),
                    header.indexOf(STRONG_MODEL + RESPONSE_SUFFIX));
        }

        ReplayRecord record(List<String> row, String dataset) {
            return new ReplayRecord(
                    dataset,
                    Boolean.parseBoolean(row.get(weak)),
                    Boolean.parseBoolean(row.get(strong)),
                    optional(row, weakResponse),
                    optional(row, strongResponse));
        }

        private static String optional(List<String> row, int index) {
            return index >= 0 && index < row.size() ? row.get(index) : null;
        }
    }
}
