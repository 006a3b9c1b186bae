package io.aigw.bench.limits.domain;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * The client's side of one run.
 *
 * @param scheduled arrivals in the schedule
 * @param sent requests sent (scheduled minus shed)
 * @param answered 200s
 * @param refused 503s
 * @param refusedWithRetryAfter 503s that carried {@code retry-after}
 * @param failed other statuses, timeouts and connection errors
 * @param shed arrivals not sent because the in-flight bound was reached
 * @param answeredBy answers per {@code x-aigw-model}
 * @param tokensBy prompt + completion tokens of the answers per {@code x-aigw-model}
 * @param failures failures per status (0: no answer) and detail
 * @param promptTokenMismatches answers whose {@code usage.prompt_tokens} differs from the planned size
 * @param completionTokenMismatches answers whose {@code usage.completion_tokens} differs from {@code max_tokens}
 * @param latencyP50Millis median latency of answered requests
 * @param latencyP99Millis 99th percentile latency of answered requests
 */
public record ClientTally(
        int scheduled,
        int sent,
        int answered,
        int refused,
        int refusedWithRetryAfter,
        int failed,
        int shed,
        Map<String, Integer> answeredBy,
        Map<String, Long> tokensBy,
        Map<String, Integer> failures,
        int promptTokenMismatches,
        int completionTokenMismatches,
        double latencyP50Millis,
        double latencyP99Millis) {

    public ClientTally {
        answeredBy = Map.copyOf(answeredBy);
        tokensBy = Map.copyOf(tokensBy);
        failures = Map.copyOf(failures);
    }

    public static ClientTally of(Collection<RequestResult> results) {
        int answered = 0, refused = 0, withRetryAfter = 0, failed = 0, shed = 0, promptOff = 0, completionOff = 0;
        Map<String, Integer> answeredBy = new TreeMap<>();
        Map<String, Long> tokensBy = new TreeMap<>();
        Map<String, Integer> failures = new TreeMap<>();
        long[] latencies = new long[results.size()];
        int n = 0;
        for (RequestResult r : results) {
            switch (r.outcome()) {
                case ANSWERED -> {
                    answered++;
                    answeredBy.merge(r.answeredBy(), 1, Integer::sum);
                    tokensBy.merge(r.answeredBy(), (long) r.promptTokens() + r.completionTokens(), Long::sum);
                    latencies[n++] = r.latency().toNanos();
                    if (r.promptTokens() != r.arrival().promptTokens()) {
                        promptOff++;
                    }
                    if (r.completionTokens() != r.arrival().maxTokens()) {
                        completionOff++;
                    }
                }
                case REFUSED -> {
                    refused++;
                    if (r.retryAfterSeconds().isPresent()) {
                        withRetryAfter++;
                    }
                }
                case FAILED -> {
                    failed++;
                    failures.merge(r.status() + " " + r.detail(), 1, Integer::sum);
                }
                case SHED -> shed++;
            }
        }
        Percentiles p = Percentiles.ofNanos(java.util.Arrays.copyOf(latencies, n));
        return new ClientTally(
                results.size(),
                results.size() - shed,
                answered,
                refused,
                withRetryAfter,
                failed,
                shed,
                answeredBy,
                tokensBy,
                failures,
                promptOff,
                completionOff,
                p.p50Millis(),
                p.p99Millis());
    }

    /** Answers by {@code model}. */
    public int answeredBy(String model) {
        return answeredBy.getOrDefault(model, 0);
    }

    /** Prompt + completion tokens of the answers by {@code model}. */
    public long tokensBy(String model) {
        return tokensBy.getOrDefault(model, 0L);
    }

    /** The share of answers that came from another deployment than {@code cheapModel}; 0 without answers. */
    public double spillShare(String cheapModel) {
        return answered == 0 ? 0 : (answered - answeredBy(cheapModel)) / (double) answered;
    }
}
