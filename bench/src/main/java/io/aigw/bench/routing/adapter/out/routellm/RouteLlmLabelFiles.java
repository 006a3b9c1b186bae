package io.aigw.bench.routing.adapter.out.routellm;

import io.aigw.bench.routing.domain.Contamination;
import io.aigw.bench.routing.domain.Dataset;
import io.aigw.bench.routing.domain.LabeledPrompt;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The RouteLLM label files below {@code <data>/routellm}: {@code gsm8k/gsm8k_responses.csv},
 * {@code mmlu/mmlu_*.csv} (sorted by name) and each folder's {@code contaminated_prompts.jsonl}.
 */
public final class RouteLlmLabelFiles {

    static final String WEAK_MODEL = "mistralai/Mixtral-8x7B-Instruct-v0.1";
    static final String STRONG_MODEL = "gpt-4-1106-preview";
    private static final String RESPONSE_SUFFIX = "_response";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path routellm;

    /** @param routellm the {@code routellm} folder of the shared data */
    public RouteLlmLabelFiles(Path routellm) {
        this.routellm = routellm;
    }

    /** Every labelled prompt of a set, in file order. */
    public List<LabeledPrompt> prompts(Dataset dataset) {
        List<Path> files =
                switch (dataset) {
                    case GSM8K -> List.of(routellm.resolve("gsm8k").resolve("gsm8k_responses.csv"));
                    case MMLU -> mmluFiles();
                };
        List<LabeledPrompt> prompts = new ArrayList<>();
        for (Path file : files) {
            String source = file.getFileName().toString().replaceFirst("\\.csv$", "");
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                prompts.addAll(parse(in, dataset, source));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return prompts;
    }

    /** The set's contamination list. */
    public Contamination contamination(Dataset dataset) {
        Path file = routellm.resolve(dataset.label()).resolve("contaminated_prompts.jsonl");
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parseContamination(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Parses one label file: a header naming {@code prompt} and the two models' columns, then one row per prompt. */
    public static List<LabeledPrompt> parse(Reader in, Dataset dataset, String source) {
        Rfc4180Reader csv = new Rfc4180Reader(in);
        List<String> header = csv.next();
        if (header == null) {
            throw new IllegalArgumentException(source + " is empty");
        }
        int prompt = header.indexOf("prompt");
        int weak = header.indexOf(WEAK_MODEL);
        int strong = header.indexOf(STRONG_MODEL);
        if (prompt < 0 || weak < 0 || strong < 0) {
            throw new IllegalArgumentException(source + " lacks one of the columns prompt, " + WEAK_MODEL + ", "
                    + STRONG_MODEL + "; header: " + header);
        }
        int weakResponse = header.indexOf(WEAK_MODEL + RESPONSE_SUFFIX);
        int strongResponse = header.indexOf(STRONG_MODEL + RESPONSE_SUFFIX);
        List<LabeledPrompt> prompts = new ArrayList<>();
        for (List<String> row = csv.next(); row != null; row = csv.next()) {
            if (row.size() == 1 && row.get(0).isEmpty()) {
                continue;
            }
            prompts.add(new LabeledPrompt(
                    dataset,
                    source,
                    row.get(prompt),
                    label(row.get(weak), source),
                    label(row.get(strong), source),
                    optional(row, weakResponse),
                    optional(row, strongResponse)));
        }
        return prompts;
    }

    /** Parses a contamination list: one JSON object a line, the evaluation prompt in {@code eval_prompt}. */
    public static Contamination parseContamination(BufferedReader in) throws IOException {
        Set<String> prompts = new HashSet<>();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode evalPrompt = JSON.readTree(line).path("eval_prompt");
            if (!evalPrompt.isString()) {
                throw new IllegalArgumentException("a contamination line has no eval_prompt: " + line);
            }
            prompts.add(evalPrompt.asString());
        }
        return new Contamination(prompts);
    }

    private List<Path> mmluFiles() {
        Path folder = routellm.resolve("mmlu");
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().matches("mmlu_.*\\.csv"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    private static boolean label(String value, String source) {
        return switch (value.strip()) {
            case "True", "true" -> true;
            case "False", "false" -> false;
            default -> throw new IllegalArgumentException(source + ": a label is neither True nor False: " + value);
        };
    }

    private static String optional(List<String> row, int index) {
        return index >= 0 && index < row.size() ? row.get(index) : "";
    }
}
