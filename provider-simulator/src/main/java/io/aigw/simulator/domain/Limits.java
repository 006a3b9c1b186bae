package io.aigw.simulator.domain;

/**
 * A provider's per-minute limits; 0 means unlimited.
 *
 * @param rpm requests per minute
 * @param tpm tokens (prompt + completion) per minute
 */
public record Limits(long rpm, long tpm) {

    public static final Limits UNLIMITED = new Limits(0, 0);

    public Limits {
        if (rpm < 0 || tpm < 0) {
            throw new IllegalArgumentException("limits must be >= 0, got rpm=" + rpm + " tpm=" + tpm);
        }
    }

    public boolean limitsRequests() {
        return rpm > 0;
    }

    public boolean limitsTokens() {
        return tpm > 0;
    }
}
