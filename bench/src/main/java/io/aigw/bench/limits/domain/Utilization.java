package io.aigw.bench.limits.domain;

import java.time.Duration;
import java.util.Collection;

/**
 * How much of a model's limits it was given over the steady part of a run: the whole minutes of the
 * schedule after the first (a sliding window needs a minute to fill), as requests and tokens per
 * minute divided by the limits. Whole minutes, because under a load far above the limit a sliding
 * window fills in bursts a minute apart: a span that is not a multiple of 60 s can hold one burst more
 * than it has minutes, and would read above 100 %.
 *
 * <p>Counted from the client's answers of the model (their {@code usage} tokens, by send time): the
 * simulator's fixed windows cannot be cut at the load's own minute marks. Its totals cross-check them.
 *
 * @param steady how long the steady part is
 * @param requests answers of the model sent within it
 * @param tokens their prompt + completion tokens
 * @param rpm the request limit (0: none)
 * @param tpm the token limit (0: none)
 */
public record Utilization(Duration steady, long requests, long tokens, long rpm, long tpm) {

    /** The warm-up a sliding minute needs before it can be full. */
    public static final Duration FILL = Duration.ofMinutes(1);

    /**
     * @param length how long the schedule lasts; the steady part is {@code [FILL, FILL + whole minutes)}
     */
    public static Utilization of(Collection<RequestResult> results, String model, Duration length, long rpm, long tpm) {
        long minutes = Math.max(0, length.minus(FILL).toMinutes());
        Duration from = FILL;
        Duration to = FILL.plusMinutes(minutes);
        long requests = 0;
        long tokens = 0;
        for (RequestResult r : results) {
            Duration at = r.arrival().at();
            if (r.outcome() == Outcome.ANSWERED
                    && r.answeredBy().equals(model)
                    && at.compareTo(from) >= 0
                    && at.compareTo(to) < 0) {
                requests++;
                tokens += r.promptTokens() + r.completionTokens();
            }
        }
        return new Utilization(Duration.ofMinutes(minutes), requests, tokens, rpm, tpm);
    }

    /** Accepted requests per minute over the steady part. */
    public double requestsPerMinute() {
        return steady.isZero() ? 0 : requests / (double) steady.toMinutes();
    }

    /** Accepted tokens per minute over the steady part. */
    public double tokensPerMinute() {
        return steady.isZero() ? 0 : tokens / (double) steady.toMinutes();
    }

    /** Accepted requests per minute ÷ the RPM limit; 0 without a limit or a steady part. */
    public double ofRpm() {
        return rpm == 0 ? 0 : requestsPerMinute() / rpm;
    }

    /** Accepted tokens per minute ÷ the TPM limit; 0 without a limit or a steady part. */
    public double ofTpm() {
        return tpm == 0 ? 0 : tokensPerMinute() / tpm;
    }

    /** The utilization of whichever limit binds (the larger share). */
    public double ofBinding() {
        return Math.max(ofRpm(), ofTpm());
    }
}
