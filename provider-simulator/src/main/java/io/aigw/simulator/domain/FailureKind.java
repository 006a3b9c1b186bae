package io.aigw.simulator.domain;

import java.util.Arrays;
import java.util.Locale;

/** A fault the simulator can inject instead of a normal answer. */
public enum FailureKind {
    /** No fault: every request is answered normally. */
    NONE("none", 0),
    /** 429 with {@code retry-after} and rate-limit headers, as if a provider limit was hit. */
    RATE_LIMITED("429", 429),
    /** 500 internal server error. */
    SERVER_ERROR("500", 500),
    /** 503 service unavailable. */
    UNAVAILABLE("503", 503),
    /** 529, Anthropic's "overloaded". */
    OVERLOADED("529", 529),
    /** No answer for the profile's hang duration; released early when the client goes away. */
    HANG("hang", 0),
    /** The answer starts, then the connection closes mid-way: no final chunk, no {@code [DONE]}. */
    STREAM_CUT("stream-cut", 0);

    private final String label;
    private final int status;

    FailureKind(String label, int status) {
        this.label = label;
        this.status = status;
    }

    /** The name used in configuration, the control API and metrics. */
    public String label() {
        return label;
    }

    /** The HTTP status this fault answers with, or 0 when it answers with no status of its own. */
    public int status() {
        return status;
    }

    /** Parses a label ({@code 429}, {@code hang}, …) or an enum name ({@code rate_limited}). */
    public static FailureKind parse(String value) {
        String wanted = value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(kind -> kind.label.equals(wanted)
                        || kind.name().toLowerCase(Locale.ROOT).equals(wanted.replace('-', '_')))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown failure kind '" + value
                        + "'; expected one of none, 429, 500, 503, 529, hang, stream-cut"));
    }
}
