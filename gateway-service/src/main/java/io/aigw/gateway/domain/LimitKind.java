package io.aigw.gateway.domain;

/** The four limits of a {@link Plan}, in the order every store checks them. */
public enum LimitKind {
    RPM("rpm", "requests per minute (RPM)", false, false),
    TPM("tpm", "tokens per minute (TPM)", true, false),
    REQUESTS_PER_DAY("requests_per_day", "requests per day (RPD)", false, true),
    TOKENS_PER_DAY("tokens_per_day", "tokens per day (TPD)", true, true);

    private final String label;
    private final String description;
    private final boolean tokens;
    private final boolean daily;

    LimitKind(String label, String description, boolean tokens, boolean daily) {
        this.label = label;
        this.description = description;
        this.tokens = tokens;
        this.daily = daily;
    }

    /** The metric label value: {@code rpm}, {@code tpm}, {@code requests_per_day}, {@code tokens_per_day}. */
    public String label() {
        return label;
    }

    /** How an error message names it, as OpenAI does ("requests per minute (RPM)"). */
    public String description() {
        return description;
    }

    /** Counts tokens rather than requests. */
    public boolean countsTokens() {
        return tokens;
    }

    /** A quota per UTC day rather than a per-minute rate. */
    public boolean isDaily() {
        return daily;
    }
}
