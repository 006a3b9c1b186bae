package io.aigw.bench.routing.domain;

import java.util.Locale;

/** A RouteLLM evaluation set: the folder its files live in below {@code routellm/}. */
public enum Dataset {
    /** Grade-school maths; the data holds both models' recorded answers. */
    GSM8K,
    /** Multiple choice over 57 subjects; the data holds correctness labels only. */
    MMLU;

    /** The lower-case name used for folders, report rows and JSON keys. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
